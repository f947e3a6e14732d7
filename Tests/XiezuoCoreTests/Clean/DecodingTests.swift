import Foundation
import XCTest

@testable import XiezuoCore

/// Every encoding pages arrive in gives the same articles as the UTF-8 original, and the
/// undecodable rest is rejected with the offset of the first bad byte. (Named `Clean…` like
/// the other clean tests, so that `swift test --filter Clean` runs it.)
final class CleanEncodingTests: XCTestCase {
    private let support = DecodingTestsSupport.self

    // MARK: Legacy Chinese encodings

    func testGB18030CopiesOfTheSeedsGiveTheSameArticles() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            let seed = try support.seedText(prefix)
            let bytes = try support.iconv(seed.text, to: "GB18030")
            XCTAssertNil(String(validating: bytes, as: UTF8.self), "\(prefix) must not be valid UTF-8")
            XCTAssertEqual(try support.decode(bytes).encoding, .gb18030, prefix)
            XCTAssertEqual(
                CleanTestSupport.content(try CleanTestSupport.articles(bytes, name: seed.name)),
                CleanTestSupport.content(try CleanTestSupport.seedArticles(prefix)), prefix)
        }
    }

    func testBig5CopyOfTheTraditionalSeedGivesTheSameArticles() throws {
        let seed = try support.seedText("002")
        // Big5 has no 埗 (a Cantonese place-name character, 米埗村): iconv -c leaves it out.
        let encodable = seed.text.replacingOccurrences(of: "埗", with: "")
        XCTAssertEqual(seed.text.unicodeScalars.count - encodable.unicodeScalars.count, 1)
        let bytes = try support.iconv(seed.text, to: "BIG5", dropUnencodable: true)
        let decoded = try support.decode(bytes)
        XCTAssertEqual(decoded.encoding, .big5)
        XCTAssertEqual(decoded.replacements, 0)
        XCTAssertEqual(String(String.UnicodeScalarView(decoded.scalars)), encodable)
        XCTAssertEqual(
            CleanTestSupport.content(try CleanTestSupport.articles(bytes, name: seed.name)),
            CleanTestSupport.content(try CleanTestSupport.articles(Array(encodable.utf8), name: seed.name)))
    }

    func testGB18030CopyOfTheTraditionalSeedIsNotTakenForBig5() throws {
        // GB18030 encodes Traditional characters too; the plausibility score must not send
        // such a page to Big5 just because it is Traditional.
        let bytes = try support.iconv(try support.seedText("002").text, to: "GB18030")
        XCTAssertEqual(try support.decode(bytes).encoding, .gb18030)
    }

    func testShortGB18030TextIsDecoded() throws {
        // "广州" in GB18030 after an ASCII line: once a reject ("not valid UTF-8 at byte 6").
        let decoded = try support.decode(Array("title\n".utf8) + [0xB9, 0xE3, 0xD6, 0xDD])
        XCTAssertEqual(decoded.encoding, .gb18030)
        XCTAssertEqual(String(String.UnicodeScalarView(decoded.scalars)), "title\n广州")
    }

    func testTruncatedFinalGB18030CharacterIsDroppedSilently() throws {
        let text = try support.seedText("001").text.trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes = try support.iconv(text, to: "GB18030")
        let lastCharacterBytes = try support.iconv(String(text.unicodeScalars.suffix(1)), to: "GB18030").count
        XCTAssertGreaterThan(lastCharacterBytes, 1, "the seed must end in a multi-byte character")
        let decoded = try support.decode(Array(bytes.dropLast()))
        XCTAssertEqual(decoded.encoding, .gb18030)
        XCTAssertEqual(decoded.replacements, 0)
        XCTAssertEqual(decoded.scalars, Array(text.unicodeScalars.dropLast()))
    }

    func testTruncatedFinalUTF8CharacterIsDroppedSilently() throws {
        let text = try support.seedText("003").text.trimmingCharacters(in: .whitespacesAndNewlines)
        let decoded = try support.decode(Array(Array(text.utf8).dropLast()))
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertEqual(decoded.replacements, 0)
        XCTAssertEqual(decoded.scalars, Array(text.unicodeScalars.dropLast()))
    }

    // MARK: Byte order marks

    func testUTF8WithByteOrderMarkAndUTF16WithByteOrderMarksGiveTheSameArticles() throws {
        for prefix in ["001", "002"] {
            let seed = try support.seedText(prefix)
            let expected = try CleanTestSupport.seedArticles(prefix)
            let copies: [(String, [UInt8], TextEncoding)] = [
                ("UTF-8 with BOM", [0xEF, 0xBB, 0xBF] + Array(seed.text.utf8), .utf8),
                ("UTF-16LE", support.utf16(seed.text, bigEndian: false), .utf16LE),
                ("UTF-16BE", support.utf16(seed.text, bigEndian: true), .utf16BE),
            ]
            for (label, bytes, encoding) in copies {
                XCTAssertEqual(try support.decode(bytes).encoding, encoding, "\(prefix) \(label)")
                XCTAssertEqual(
                    CleanTestSupport.content(try CleanTestSupport.articles(bytes, name: seed.name)),
                    CleanTestSupport.content(expected), "\(prefix) \(label)")
            }
        }
    }

    func testUTF16WithAnUnpairedSurrogateIsRejectedWithItsOffset() {
        // FF FE, "a", a lone high surrogate (D800), "b": nothing else to outweigh it.
        XCTAssertEqual(
            CleanTestSupport.rejectReason([0xFF, 0xFE, 0x61, 0x00, 0x00, 0xD8, 0x62, 0x00]),
            "not decodable as UTF-16LE despite its byte order mark FF FE (invalid sequence at byte 4)"
        )
    }

    func testUTF16WithANulCharacterIsBinary() {
        XCTAssertEqual(
            CleanTestSupport.rejectReason([0xFE, 0xFF, 0x00, 0x61, 0x00, 0x00, 0x00, 0x62]),
            "binary content, not text (NUL character at character 1 of the UTF-16BE text)"
        )
    }

    // MARK: Damaged bytes

    func testInvalidBytesInsideGoodUTF8AreReplacedAndTheArticleKept() throws {
        let seed = try support.seedText("001")
        let sentence = "人勤春来早，功到秋华实。"
        let range = try XCTUnwrap(seed.text.range(of: sentence))
        // A stray 0xFF, and a character cut to its first two bytes (E5 8A of 动) before ASCII.
        let damaged =
            Array(seed.text[..<range.lowerBound].utf8) + Array("人勤春来早".utf8) + [0xFF] + Array("，功到秋华实".utf8)
            + [0xE5, 0x8A] + Array("。".utf8) + Array(seed.text[range.upperBound...].utf8)
        let decoded = try support.decode(damaged)
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertEqual(decoded.replacements, 2)
        let articles = try CleanTestSupport.articles(damaged, name: seed.name)
        let original = try CleanTestSupport.seedArticles("001")
        XCTAssertEqual(articles.count, original.count)
        XCTAssertEqual(
            articles.first?.text,
            original.first?.text.replacingOccurrences(of: sentence, with: "人勤春来早\u{FFFD}，功到秋华实\u{FFFD}。"))
    }

    func testBytesThatNoEncodingReadsAreRejectedWithTheOffset() {
        XCTAssertEqual(
            CleanTestSupport.rejectReason(Array("abc".utf8) + [0xFF] + Array("def".utf8)),
            "not decodable as UTF-8, GB18030 or Big5 (invalid sequence at byte 3 (0xFF); UTF-8 came closest, with 1 invalid sequence)"
        )
    }

    func testRandomHighBytesAreRejected() {
        var state: UInt32 = 12345
        var bytes: [UInt8] = []
        for _ in 0..<4000 {
            state = state &* 1_103_515_245 &+ 12345
            bytes.append(UInt8(0x80 | (state >> 16) & 0x7F))
        }
        let reason = CleanTestSupport.rejectReason(bytes)
        XCTAssertTrue(
            reason?.hasPrefix("not decodable as UTF-8, GB18030 or Big5 (invalid sequence at byte ") ?? false,
            reason ?? "")
    }

    // MARK: Declared charsets

    /// 山路水路全通 and 母牛 in GBK are also valid two-byte UTF-8 (Latin and Cyrillic letters):
    /// without the declaration the bytes are valid UTF-8 and would be read as such.
    func testMetaCharsetIsHonouredOverAValidUTF8Reading() throws {
        let body = try support.iconv("<p>山路水路全通</p><p>母牛</p><p>水路</p>", to: "GBK")
        XCTAssertNotNil(String(validating: body, as: UTF8.self), "the GBK bytes must be valid UTF-8 for this test")
        let undeclared = try support.decode(Array("<html><body>".utf8) + body)
        XCTAssertEqual(undeclared.encoding, .utf8)
        for meta in [
            #"<meta charset="gbk">"#, #"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gb2312">"#,
            "<meta http-equiv=content-type content='text/html;charset=GB2312' />",
        ] {
            let bytes = Array("<html><head>\(meta)</head><body>".utf8) + body + Array("</body></html>".utf8)
            let decoded = try support.decode(bytes)
            XCTAssertEqual(decoded.encoding, .gb18030, meta)
            XCTAssertTrue(decoded.isHTML)
            XCTAssertEqual(
                String(String.UnicodeScalarView(try HTMLText.scalars(of: decoded))), "山路水路全通\n\n母牛\n\n水路", meta)
        }
    }

    /// The same GBK bytes that read as valid UTF-8, served over HTTP with `charset=gbk` and no
    /// `<meta>`: the transport's declaration decides, for HTML and plain text alike, and it
    /// outranks a wrong `<meta>`.
    func testHTTPCharsetIsHonouredWithoutOrAgainstAMeta() throws {
        let body = try support.iconv("<p>山路水路全通</p><p>母牛</p><p>水路</p>", to: "GBK")
        let decoding = TextDecoding(maxControlShare: CleanConfig().maxControlShare)
        let page = Array("<html><body>".utf8) + body
        XCTAssertEqual(try decoding.decode(page).encoding, .utf8)
        let served = try decoding.decode(page, transportCharset: "gbk")
        XCTAssertEqual(served.encoding, .gb18030)
        XCTAssertEqual(String(String.UnicodeScalarView(try HTMLText.scalars(of: served))), "山路水路全通\n\n母牛\n\n水路")
        let wrongMeta = Array("<html><head><meta charset=\"big5\"></head><body>".utf8) + body
        XCTAssertEqual(try decoding.decode(wrongMeta, transportCharset: "GBK").encoding, .gb18030)
        let text = try support.iconv("山路水路全通\n母牛\n水路\n", to: "GBK")
        XCTAssertEqual(try decoding.decode(text).encoding, .utf8)
        XCTAssertEqual(try decoding.decode(text, transportCharset: "gb2312").encoding, .gb18030)
        XCTAssertEqual(try decoding.decode(text, transportCharset: "x-unknown").encoding, .utf8, "an unknown label is ignored")
    }

    func testMetaCharsetInsideACommentIsIgnored() {
        let bytes = Array("<html><head><!-- <meta charset=\"big5\"> --><meta charset=\"gbk\"></head>".utf8)
        XCTAssertEqual(MetaCharsetScanner.declaredEncoding(in: bytes, from: 0), .gb18030)
    }

    func testUnknownOrWrongDeclarationsFallBackToDetection() throws {
        let chinese = "两地协作以来，一批产业项目落地生根，带动群众增收致富。"
        // Declared UTF-8, sent as GBK: UTF-8 fails, detection finds GB18030.
        let gbk = try support.iconv("<html><head><meta charset=\"utf-8\"></head><body><p>\(chinese)</p>", to: "GBK")
        XCTAssertEqual(try support.decode(gbk).encoding, .gb18030)
        // Declared gbk, re-saved as UTF-8 under the old template: valid UTF-8 that reads as
        // plain Chinese overrules a declaration that would turn it into rare characters.
        let resaved = Array("<html><head><meta charset=\"gbk\"></head><body><p>\(chinese)</p>".utf8)
        XCTAssertEqual(try support.decode(resaved).encoding, .utf8)
        // An encoding xiezuo does not read: ignored.
        let latin = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>\(chinese)</p>".utf8)
        XCTAssertEqual(try support.decode(latin).encoding, .utf8)
    }

    func testDeclaredBig5HKSCSReadsHongKongCharacters() throws {
        let text = "廣州市從化區良口鎮米埗村：兩地協作以來，一批產業項目落地生根，帶動群眾增收致富。"
        let page = "<html><head><meta charset=\"big5-hkscs\"></head><body><p>\(text)</p></body></html>"
        let bytes = try support.iconv(page, to: "BIG5-HKSCS")
        let decoded = try support.decode(bytes)
        XCTAssertEqual(decoded.encoding, .big5HKSCS)
        XCTAssertEqual(String(String.UnicodeScalarView(try HTMLText.scalars(of: decoded))), text)
    }

    // MARK: iconv

    func testIconvReportsInvalidAndTruncatedInputByOffset() throws {
        let converter = try Iconv(decodingFrom: "GB18030")
        let bytes: [UInt8] = Array("ab".utf8) + [0xB9, 0xE3, 0xFF, 0x41, 0xD6]
        var scalars: [Unicode.Scalar] = []
        try bytes.withUnsafeBufferPointer { buffer in
            XCTAssertEqual(try converter.decode(buffer, from: 0, into: &scalars), .invalid(at: 4))
            XCTAssertEqual(try converter.decode(buffer, from: 5, into: &scalars), .truncated(at: 6))
            XCTAssertEqual(try converter.decode(buffer, from: 7, into: &scalars), .end)
        }
        XCTAssertEqual(String(String.UnicodeScalarView(scalars)), "ab广A")
    }

    func testIconvGrowsItsBufferForLongInput() throws {
        // 300,000 characters: far more output than the first 64 KB buffer holds (E2BIG).
        let text = String(repeating: "两地协作以来，一批产业项目落地生根。\n", count: 15_000)
        let bytes = try support.iconv(text, to: "GB18030")
        let attempt = try IconvDecoding.decode(bytes, from: 0, as: .gb18030)
        XCTAssertEqual(attempt.invalid, 0)
        XCTAssertEqual(attempt.scalars, Array(text.unicodeScalars))
    }

    func testIconvWithoutAConverterIsAnError() {
        XCTAssertThrowsError(try Iconv(decodingFrom: "NO-SUCH-ENCODING")) { error in
            XCTAssertEqual(
                error as? IconvError, IconvError(function: "iconv_open", encoding: "NO-SUCH-ENCODING", code: EINVAL))
            XCTAssertEqual("\(error)", "iconv_open failed for NO-SUCH-ENCODING (errno 22)")
        }
    }

    func testCharsetLabels() {
        XCTAssertEqual(TextEncoding(label: "GBK"), .gb18030)
        XCTAssertEqual(TextEncoding(label: " gb2312 "), .gb18030)
        XCTAssertEqual(TextEncoding(label: "x-gbk"), .gb18030)
        XCTAssertEqual(TextEncoding(label: "Big5"), .big5)
        XCTAssertEqual(TextEncoding(label: "big5-hkscs"), .big5HKSCS)
        XCTAssertEqual(TextEncoding(label: "utf-16"), .utf8)
        XCTAssertNil(TextEncoding(label: "shift_jis"))
    }
}
