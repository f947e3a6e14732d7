import Foundation
import XCTest

@testable import XiezuoCore

/// Every paragraph of a cleaned article knows the lines and bytes of the source it came from
/// (`Article.paragraphSources`), whatever the encoding, the line endings or the markup, so that
/// a fact's offset in the cleaned text can be traced back to the file.
final class CleanSourceSpanTests: XCTestCase {
    /// Each paragraph of every seed points at bytes that hold that paragraph: most of its
    /// character 4-grams are found in those bytes (after the normalisation clean applies, and
    /// OpenCC for a Traditional page). Captions, bylines and spam are not in the text, joined
    /// broken paragraphs span both their lines, and removed spam paragraphs take their lines
    /// with them.
    func testEveryParagraphOfEverySeedPointsAtItsOwnBytes() throws {
        let converter = TraditionalConverter(configuration: CleanConfig().openCCConfig, singlePass: try TestResources.resources().openCCSinglePass)
        for prefix in ["000", "001", "002", "003", "004"] {
            let seed = try CleanTestSupport.seed(prefix)
            for article in try CleanTestSupport.articles(seed.bytes, name: seed.name) {
                let paragraphs = article.text.components(separatedBy: "\n")
                XCTAssertEqual(article.paragraphSources.count, paragraphs.count, "\(seed.name) part \(article.part)")
                for (paragraph, span) in zip(paragraphs, article.paragraphSources) {
                    let span = try XCTUnwrap(span, "\(seed.name): no source for \(paragraph)")
                    var source = String(decoding: seed.bytes[span.bytes], as: UTF8.self)
                    if article.script == .hant { source = try converter.convert(source) }
                    let share = Self.shareOfGrams(of: paragraph, foundIn: Self.normalized(source))
                    // The Traditional seed is also spun: de-spinning rewrites a word every few
                    // characters, so fewer of its 4-grams stand in the source as written. A
                    // paragraph paired with the wrong lines shares almost none.
                    XCTAssertGreaterThan(
                        share, article.script == .hant ? 0.5 : 0.8, "\(seed.name) lines \(span.lines): \(paragraph)")
                }
            }
        }
    }

    /// A paragraph the layout broke across two lines is one paragraph of the text, and its
    /// span covers both lines; a caption between them is not part of it. CR LF endings.
    func testAJoinedParagraphSpansBothLinesAndLineNumbersAreAnEditors() throws {
        let lines = [
            "广州帮扶三都县建设产业园区",  // 1
            "",  // 2
            "今年以来，广州市黄埔区把东西部协作作为重大政治任务，主动对接三都县所需所盼，聚焦产业、就业、消费三大领域，充分利用协作资金",  // 3
            "",  // 4
            "■图为产业园区一角",  // 5
            "",  // 6
            "“活水”，推动三都县产业园区建设，累计投入帮扶资金3200万元，带动就业1200人。",  // 7
            "",  // 8
            "下一步，两地将继续深化合作，推动更多项目落地见效，助力乡村全面振兴取得新成效。",  // 9
        ]
        let bytes = Array(lines.joined(separator: "\r\n").utf8)
        let article = try XCTUnwrap(try CleanTestSupport.articles(bytes).first)
        let paragraphs = article.text.components(separatedBy: "\n")
        XCTAssertEqual(paragraphs.count, 3, article.text)
        XCTAssertEqual(article.paragraphSources.map { $0?.lines }, [1...1, 3...7, 9...9])
        let joined = try XCTUnwrap(article.paragraphSources[1])
        XCTAssertEqual(
            String(decoding: bytes[joined.bytes], as: UTF8.self), lines[2...6].joined(separator: "\r\n"))
        XCTAssertEqual(paragraphs[1], "今年以来，广州市黄埔区把东西部协作作为重大政治任务，主动对接三都县所需所盼，聚焦产业、就业、消费三大领域，充分利用协作资金“活水”，推动三都县产业园区建设，累计投入帮扶资金3200万元，带动就业1200人。")
        XCTAssertFalse(article.text.contains("图为"))
    }

    /// The same seed in GB18030 and in UTF-16 (with CR LF) has the same lines, and its bytes
    /// spans are those lines in that encoding.
    func testLegacyAndUTF16CopiesPointAtTheSameLinesInTheirOwnBytes() throws {
        let (name, text) = try DecodingTestsSupport.seedText("000")
        let original = try CleanTestSupport.articles(Array(text.utf8), name: name)
        func crlf(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\r\n") }
        let copies: [(bytes: [UInt8], encode: (String) throws -> [UInt8])] = [
            (try DecodingTestsSupport.iconv(text, to: "GB18030"), { try DecodingTestsSupport.iconv($0, to: "GB18030") }),
            (
                DecodingTestsSupport.utf16(crlf(text), bigEndian: false),
                { Array(DecodingTestsSupport.utf16(crlf($0), bigEndian: false).dropFirst(2)) }
            ),
        ]
        for copy in copies {
            let articles = try CleanTestSupport.articles(copy.bytes, name: name)
            XCTAssertEqual(articles.map(\.text), original.map(\.text))
            XCTAssertEqual(
                articles.map { $0.paragraphSources.map { $0?.lines } }, original.map { $0.paragraphSources.map { $0?.lines } })
            for (article, reference) in zip(articles, original) {
                for (span, utf8Span) in zip(article.paragraphSources, reference.paragraphSources) {
                    let span = try XCTUnwrap(span)
                    let lineText = String(decoding: Array(text.utf8)[try XCTUnwrap(utf8Span).bytes], as: UTF8.self)
                    XCTAssertEqual(Array(copy.bytes[span.bytes]), try copy.encode(lineText), "lines \(span.lines)")
                }
            }
        }
    }

    /// In an HTML page the lines are lines of the markup, where the paragraph's text stands.
    func testHTMLParagraphsPointAtTheirMarkupLines() throws {
        let (name, text) = try DecodingTestsSupport.seedText("001")
        let headline = try XCTUnwrap(try CleanTestSupport.articles(Array(text.utf8), name: name).first?.title)
        let page = Array(DecodingTestsSupport.page(from: text, headline: headline, charset: "utf-8").utf8)
        let article = try XCTUnwrap(try CleanTestSupport.articles(page, name: "page.html").first)
        let paragraphs = article.text.components(separatedBy: "\n")
        XCTAssertEqual(article.paragraphSources.count, paragraphs.count)
        for (paragraph, span) in zip(paragraphs, article.paragraphSources) {
            let span = try XCTUnwrap(span, "no source for \(paragraph)")
            let markup = String(decoding: page[span.bytes], as: UTF8.self)
            let visible = markup.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            XCTAssertGreaterThan(
                Self.shareOfGrams(of: paragraph, foundIn: Self.normalized(visible)), 0.8,
                "lines \(span.lines): \(paragraph) vs \(markup)")
        }
    }

    func testLineIndexCountsLinesAsEditorsDo() throws {
        let bytes = Array("a\r\nbb\rc\n\nd".utf8)
        let text = SourceLineIndex(bytes: bytes, encoding: .utf8, loneCarriageReturnEndsLine: true)
        XCTAssertEqual(text.lineCount, 5)
        XCTAssertEqual(text.span(of: 1...1), SourceSpan(lines: 2...2, bytes: 3..<5))
        XCTAssertEqual(text.span(of: 2...4), SourceSpan(lines: 3...5, bytes: 6..<10))
        XCTAssertNil(text.span(of: 4...5))
        let html = SourceLineIndex(bytes: bytes, encoding: .utf8, loneCarriageReturnEndsLine: false)
        XCTAssertEqual(html.lineCount, 4)
        XCTAssertEqual(html.span(of: 1...1), SourceSpan(lines: 2...2, bytes: 3..<7))

        let utf16 = DecodingTestsSupport.utf16("甲\n乙丙", bigEndian: true)
        let index = SourceLineIndex(bytes: utf16, encoding: .utf16BE, loneCarriageReturnEndsLine: true)
        XCTAssertEqual(index.span(of: 0...0), SourceSpan(lines: 1...1, bytes: 2..<4))
        XCTAssertEqual(index.span(of: 1...1), SourceSpan(lines: 2...2, bytes: 6..<10))
        let bom = SourceLineIndex(bytes: [0xEF, 0xBB, 0xBF, 0x41], encoding: .utf8, loneCarriageReturnEndsLine: true)
        XCTAssertEqual(bom.span(of: 0...0), SourceSpan(lines: 1...1, bytes: 3..<4))
    }

    /// The source text as clean normalises it (full-width digits and letters folded, spaces
    /// and line breaks gone), for comparison with cleaned text.
    private static func normalized(_ text: String) -> [Unicode.Scalar] {
        LineNormalizer.lines(of: Array(text.unicodeScalars)).scalars.filter { $0 != " " }
    }

    private static func shareOfGrams(of paragraph: String, foundIn source: [Unicode.Scalar]) -> Double {
        let text = Array(paragraph.unicodeScalars).filter { $0 != " " }
        guard text.count >= 4 else { return source.count >= text.count ? 1 : 0 }
        var grams = Set<[Unicode.Scalar]>()
        for start in 0...(source.count - 4) where source.count >= 4 { grams.insert(Array(source[start..<start + 4])) }
        let found = (0...(text.count - 4)).filter { grams.contains(Array(text[$0..<$0 + 4])) }.count
        return Double(found) / Double(text.count - 3)
    }
}
