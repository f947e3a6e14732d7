import XCTest

@testable import XiezuoCore

/// The sentence and clause scans test scalars with hand-written `switch`es (for speed); these
/// tests pin them to the definitions they replace, over every Unicode scalar, and check the
/// splitting itself on a small text.
final class SentenceSplitterTests: XCTestCase {
    private static var allScalars: [Unicode.Scalar] {
        (0...0x10FFFF).compactMap { Unicode.Scalar(UInt32($0)) }
    }

    func testWhitespaceIsUnicodeWhiteSpace() {
        for scalar in Self.allScalars where SentenceSplitter.isWhitespace(scalar) != scalar.properties.isWhitespace {
            XCTFail("U+\(String(scalar.value, radix: 16, uppercase: true)): switch and White_Space disagree")
        }
    }

    func testTerminatorsAndDelimitersAreTheDocumentedMarks() {
        let terminators = Set("。！？；!?;".unicodeScalars)
        let delimiters = Set("，,：:；;。！？（(）)“”".unicodeScalars)
        var wrong: [String] = []
        for scalar in Self.allScalars {
            if SentenceSplitter.isTerminator(scalar) != terminators.contains(scalar) { wrong.append("terminator \(scalar)") }
            if ClauseBounds.isDelimiter(scalar) != delimiters.contains(scalar) { wrong.append("delimiter \(scalar)") }
        }
        XCTAssertEqual(wrong, [])
    }

    /// The splitter passes over scalars that cannot be a mark with one range test: every scalar it
    /// acts on (newline, terminators, closers, the commas of the length cut) must pass it.
    func testEveryMarkPassesTheFastPathsTest() {
        let marks = "\n。！？；!?;”’」』）)》\"，,、：:".unicodeScalars
        XCTAssertEqual(marks.filter { !SentenceSplitter.mayBeMark($0) }.map { String($0) }, [])
        for scalar in Self.allScalars where SentenceSplitter.isTerminator(scalar) {
            XCTAssertTrue(SentenceSplitter.mayBeMark(scalar), "U+\(String(scalar.value, radix: 16, uppercase: true))")
        }
    }

    /// A run without a terminator is cut at its last comma once it reaches the length limit,
    /// whether the limit falls on an ideograph or on a mark.
    func testLongRunsAreCutAtTheLastComma() {
        let run = String(repeating: "帮", count: 600) + "，" + String(repeating: "扶", count: 600)
        let text = Array(run.unicodeScalars)
        let sentences = SentenceSplitter.sentences(in: text)
        XCTAssertEqual(sentences.map(\.range), [0..<601, 601..<1201])
        let hard = Array(String(repeating: "帮", count: 2_500).unicodeScalars)
        XCTAssertEqual(SentenceSplitter.sentences(in: hard).map(\.range), [0..<1000, 1000..<2000, 2000..<2500])
    }

    func testSplitsAtTerminatorsWithClosersAndTrimsSpaces() {
        let text = Array("　帮扶资金300万元。“项目已落地！”他说 \n第二段；没有句号".unicodeScalars)
        let sentences = SentenceSplitter.sentences(in: text).map {
            (String(String.UnicodeScalarView(text[$0.range])), $0.paragraph)
        }
        XCTAssertEqual(sentences.map(\.0), ["帮扶资金300万元。", "“项目已落地！”", "他说", "第二段；", "没有句号"])
        XCTAssertEqual(sentences.map(\.1), [0, 0, 0, 1, 1])
    }

    /// The splitter's paragraphs are `TextParagraphs`' (which the paragraphs table uses), found in
    /// its own walk: empty texts, blank lines, a trailing newline, long runs cut inside a line.
    func testParagraphsAreTextParagraphs() {
        let long = String(repeating: "帮", count: 1_500)
        let texts = [
            "", "\n", "\n\n", "一段", "一段\n", "\n一段", "第一段。\n\n第三段；\n", "甲。乙\n丙！”\n丁",
            long + "\n" + long + "，" + long, "　\n 。\n",
        ]
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            let split = SentenceSplitter.split(scalars)
            XCTAssertEqual(split.paragraphs, TextParagraphs.ranges(of: scalars), text)
            XCTAssertEqual(split.sentences, SentenceSplitter.sentences(in: scalars), text)
            for sentence in split.sentences {
                XCTAssertTrue(split.paragraphs[sentence.paragraph].contains(sentence.range.lowerBound), text)
            }
        }
    }
}
