import XCTest

@testable import XiezuoCore

/// The hand-written UTF-8 decoders give exactly the scalars of `unicodeScalars`, and the
/// encoder exactly the string of the scalars, for every length of UTF-8 sequence: the
/// fingerprints, figure signatures, extract and every table cell depend on them.
final class ScalarDecodingTests: XCTestCase {
    private let texts = [
        "", "a", "东西部协作", "2025年投入帮扶资金1.2亿元。\n第二段", "e\u{301}", "🇨🇳😀𠀀", "\r\n\u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
        String(repeating: "粤桂协作，Ａ１ｂ—“引号”。", count: 300),
    ]

    func testScalarsGivesTheUnicodeScalars() {
        for text in texts {
            XCTAssertEqual(ScalarDecoding.scalars(of: text), Array(text.unicodeScalars), text)
        }
    }

    /// `ScalarText.string` copies its UTF-8 without validation: the string must still be the
    /// scalars' own, equal and hashing equal to one the standard library built, ASCII or not.
    func testStringIsTheScalarsString() {
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            let built = ScalarText.string(scalars)
            XCTAssertEqual(built, text)
            XCTAssertEqual(Array(built.utf8), Array(text.utf8), text)
            XCTAssertEqual(built.hashValue, text.hashValue, text)
            XCTAssertEqual(ScalarText.utf8(scalars), Array(text.utf8), text)
        }
        var generator = SplitMix64(seed: 18)
        for _ in 0..<200 {
            let scalars = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Unicode.Scalar(UInt32.random(in: 0...0x10FFFF, using: &generator)) ?? "\u{FFFD}"
            }
            XCTAssertEqual(ScalarText.string(scalars), String(String.UnicodeScalarView(scalars)))
        }
    }
}
