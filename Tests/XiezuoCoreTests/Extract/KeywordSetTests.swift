import XCTest

@testable import XiezuoCore

/// `KeywordSet` walks a window once with first- and last-scalar bitmaps; these tests pin its
/// answers to the rule it implements (the nearest keyword, then the longest), by the exact
/// cases the classifier relies on and by a plain search per keyword over many generated texts.
final class KeywordSetTests: XCTestCase {
    private let words = KeywordSet<String>([
        ("资金", "资金"), ("帮扶资金", "帮扶资金"), ("投资", "投资"), ("金", "金"), ("", "empty"),
    ])

    func testNearestPrefersTheLatestEndThenTheLongest() throws {
        let text = Array("帮扶资金和投资共".unicodeScalars)
        let found = try XCTUnwrap(words.nearest(endingIn: 0..<text.count, of: text))
        XCTAssertEqual(found.value, "投资")
        XCTAssertEqual(found.range, 5..<7)
        // 帮扶资金, 资金 and 金 all end at 4: the longest wins.
        let earlier = try XCTUnwrap(words.nearest(endingIn: 0..<4, of: text))
        XCTAssertEqual(earlier.value, "帮扶资金")
        XCTAssertEqual(earlier.range, 0..<4)
        // A keyword must lie wholly inside the window.
        let cut = try XCTUnwrap(words.nearest(endingIn: 1..<4, of: text))
        XCTAssertEqual(cut.value, "资金")
        XCTAssertNil(words.nearest(endingIn: 0..<1, of: text))
    }

    func testFirstPrefersTheEarliestStartThenTheLongest() throws {
        let text = Array("共投资帮扶资金".unicodeScalars)
        let found = try XCTUnwrap(words.first(in: 0..<text.count, of: text))
        XCTAssertEqual(found.value, "投资")
        XCTAssertEqual(found.range, 1..<3)
        let later = try XCTUnwrap(words.first(in: 2..<text.count, of: text))
        XCTAssertEqual(later.value, "帮扶资金")
        XCTAssertEqual(later.range, 3..<7)
        // 帮扶资金 does not fit in 4..<7; 资金 does.
        let cut = try XCTUnwrap(words.first(in: 4..<7, of: text))
        XCTAssertEqual(cut.value, "资金")
        XCTAssertEqual(cut.range, 5..<7)
        XCTAssertNil(words.first(in: 2..<6, of: text))
        XCTAssertTrue(words.contains(in: 5..<7, of: text))
        XCTAssertFalse(words.contains(in: 0..<2, of: text))
    }

    /// Over texts of a small alphabet (so that keywords overlap and repeat), every window gives
    /// what a search per keyword gives: the occurrence ending last (starting first), the
    /// longest keyword on a tie.
    func testAgreesWithASearchPerKeyword() {
        let keywords = ["甲乙", "乙", "甲乙丙", "丙丁", "丁", "乙丙丁甲"]
        let set = KeywordSet<Int>(keywords.enumerated().map { ($1, $0) })
        let alphabet = Array("甲乙丙丁戊".unicodeScalars)
        var generator = SplitMix64(seed: 18)
        for _ in 0..<400 {
            let text = (0..<Int(generator.next() % 14)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            for lower in 0...text.count {
                for upper in lower...text.count {
                    let window = lower..<upper
                    let expectedNearest = Self.search(keywords, in: text, window: window, nearestEnd: true)
                    let nearest = set.nearest(endingIn: window, of: text)
                    XCTAssertEqual(nearest.map { keywords[$0.value] }, expectedNearest?.word, "\(String(String.UnicodeScalarView(text))) \(window)")
                    XCTAssertEqual(nearest?.range, expectedNearest?.range)
                    let expectedFirst = Self.search(keywords, in: text, window: window, nearestEnd: false)
                    let first = set.first(in: window, of: text)
                    XCTAssertEqual(first.map { keywords[$0.value] }, expectedFirst?.word, "\(String(String.UnicodeScalarView(text))) \(window)")
                    XCTAssertEqual(first?.range, expectedFirst?.range)
                    XCTAssertEqual(set.contains(in: window, of: text), expectedFirst != nil)
                }
            }
        }
    }

    /// Every occurrence of every keyword inside `window`; the one ending last (or starting first),
    /// the longest keyword on a tie.
    private static func search(
        _ keywords: [String], in text: [Unicode.Scalar], window: Range<Int>, nearestEnd: Bool
    ) -> (word: String, range: Range<Int>)? {
        var best: (word: String, range: Range<Int>)?
        for word in keywords {
            let scalars = Array(word.unicodeScalars)
            guard scalars.count <= window.count else { continue }
            for start in window.lowerBound...(window.upperBound - scalars.count)
            where Array(text[start..<(start + scalars.count)]) == scalars {
                let range = start..<(start + scalars.count)
                guard let current = best else {
                    best = (word, range)
                    continue
                }
                let better =
                    nearestEnd
                    ? range.upperBound > current.range.upperBound
                        || (range.upperBound == current.range.upperBound && range.count > current.range.count)
                    : range.lowerBound < current.range.lowerBound
                        || (range.lowerBound == current.range.lowerBound && range.count > current.range.count)
                if better { best = (word, range) }
            }
        }
        return best
    }
}
