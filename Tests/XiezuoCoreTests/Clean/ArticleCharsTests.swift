import XCTest

@testable import XiezuoCore

/// `Article.chars` counts scalar starts in the UTF-8 buffer; it must equal the number of
/// Unicode scalars, the unit of every offset in the tables, for any text.
final class ArticleCharsTests: XCTestCase {
    func testCharsIsTheNumberOfUnicodeScalars() {
        let texts = [
            "", "a", "东西部协作", "2025年投入帮扶资金1.2亿元。\n第二段", "e\u{301}\u{301}", "🇨🇳😀𠀀", "\r\n\u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
            String(repeating: "粤桂协作，", count: 500),
        ]
        for text in texts {
            XCTAssertEqual(Article(source: "s", part: 0, text: text).chars, text.unicodeScalars.count, text)
        }
    }
}
