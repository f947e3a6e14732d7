import Foundation
import XCTest

@testable import XiezuoCore

/// What keeps a source's memory a small multiple of its bytes whatever its shape (README,
/// "Hostile inputs"): the HTML tree is never held whole and its depth is capped, and a source
/// of very many very short lines is rejected before its lines are made.
final class BoundedStructureTests: XCTestCase {
    private func reason(_ text: String, name: String = "page.txt") -> String? {
        let source = SourceDocument(name: name, bytes: Array(text.utf8))
        guard let stage = try? TestResources.cleanStage() else {
            XCTFail("xiezuo's rule tables cannot be read")
            return nil
        }
        do {
            _ = try stage.articles(from: source)
            return nil
        } catch {
            return error.reason
        }
    }

    func testManyVeryShortLinesAreNotProse() {
        XCTAssertEqual(
            reason(String(repeating: "x\n", count: 20_000)),
            "not prose: 20000 lines in 40000 bytes, 2.0 bytes a line; a source of more than 10000 lines must average at "
                + "least 16 bytes a line")
        let page = "<html><body>" + String(repeating: "<p>x</p>", count: 20_000) + "</body></html>"
        XCTAssertEqual(
            reason(page, name: "page.html"),
            "not prose: 20000 lines in 160026 bytes, 8.0 bytes a line; a source of more than 10000 lines must average at "
                + "least 16 bytes a line")
    }

    /// Up to 10,000 lines, and past that at 16 bytes a line, the rule lets a source through to
    /// the usual steps (here: nothing but fragments, or short lines of a real article's kind).
    func testShortLinesWithinTheRuleAreReadAsUsual() {
        XCTAssertEqual(
            reason(String(repeating: "x\n", count: 10_000)),
            "no article text left after cleaning: the longest article has 1 characters, fewer than clean.min_article_chars (60)")
        let fiveCharacterLines = String(repeating: "东西部协作\n", count: 20_000)
        XCTAssertFalse(reason(fiveCharacterLines)?.hasPrefix("not prose") ?? false)
    }

    /// Past 200,000 open elements tags stop nesting (libxml2 makes no node for them) and
    /// their text joins the deepest element that has one: nothing is lost.
    func testTextBeyondTheDepthCapIsKept() throws {
        let depth = LibXML2HTML.maxDepth + 50_000
        let page = "<html><body>" + String(repeating: "<b>", count: depth) + "东西部协作项目投入资金100万元。"
            + String(repeating: "</b>", count: depth) + "<p>之后的段落。</p></body></html>"
        let decoded = try TextDecoding(maxControlShare: 0.05).decode(Array(page.utf8), transportCharset: nil)
        let text = String(String.UnicodeScalarView(try HTMLText.scalars(of: decoded)))
        XCTAssertEqual(text, "东西部协作项目投入资金100万元。\n\n之后的段落。")
    }
}
