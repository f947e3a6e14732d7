import XCTest

@testable import XiezuoCore

/// The hand-written UTF-8 decoder gives exactly the scalars of `unicodeScalars`, for every
/// length of UTF-8 sequence: the fingerprints, figure signatures and extract depend on it.
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
}
