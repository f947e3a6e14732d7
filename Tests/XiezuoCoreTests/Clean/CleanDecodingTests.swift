import XCTest

@testable import XiezuoCore

/// Decoding and normalisation: which inputs are rejected (with the exact reason) and how the
/// accepted ones are normalised.
final class CleanDecodingTests: XCTestCase {
    private let prose = "两地协作以来，一批产业项目落地生根，带动群众增收致富，区域协调发展迈出坚实步伐，群众的获得感、幸福感和安全感都在不断增强。"

    func testEmptyFileIsRejected() {
        XCTAssertEqual(CleanTestSupport.rejectReason([]), "empty file: 0 bytes")
    }

    func testWhitespaceOnlyFileIsRejected() {
        XCTAssertEqual(
            CleanTestSupport.rejectReason(Array(" \n\r\n\t\u{3000}\n".utf8)), "empty file: only whitespace (9 bytes)"
        )
    }

    func testBinaryFileWithANulByteIsRejectedWithItsOffset() {
        XCTAssertEqual(
            CleanTestSupport.rejectReason([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]),
            "binary content, not text (NUL byte at offset 8)"
        )
    }

    func testFileFullOfControlBytesIsRejectedAsBinary() {
        let bytes: [UInt8] = Array("abcdefgh".utf8) + [0x01, 0x02, 0x03, 0x1B]
        XCTAssertEqual(
            CleanTestSupport.rejectReason(bytes), "binary content, not text (4 of 12 bytes are control characters)"
        )
    }

    func testInvalidUTF8IsRejectedWithTheByteOffset() {
        // "广州" in GB18030 after an ASCII prefix: not UTF-8.
        let bytes: [UInt8] = Array("title\n".utf8) + [0xB9, 0xE3, 0xD6, 0xDD]
        XCTAssertEqual(CleanTestSupport.rejectReason(bytes), "not valid UTF-8 at byte 6 (0xB9)")
    }

    func testTruncatedAndOverlongUTF8AreRejected() {
        XCTAssertEqual(
            CleanTestSupport.rejectReason(Array("ab".utf8) + [0xE5, 0xB9]), "not valid UTF-8 at byte 2 (0xE5)")
        XCTAssertEqual(CleanTestSupport.rejectReason([0x41, 0xC0, 0xAF]), "not valid UTF-8 at byte 1 (0xC0)")
        XCTAssertEqual(CleanTestSupport.rejectReason([0xED, 0xA0, 0x80]), "not valid UTF-8 at byte 0 (0xED)")
    }

    func testUTF16IsRejectedByItsByteOrderMark() {
        XCTAssertEqual(
            CleanTestSupport.rejectReason([0xFF, 0xFE, 0x7F, 0x5E]),
            "UTF-16 text (byte order mark FF FE), not UTF-8; convert the file to UTF-8"
        )
    }

    func testTextWithoutAnyArticleLeftIsRejected() {
        XCTAssertEqual(
            CleanTestSupport.rejectReason(Array("• 我的订阅\nrequestId:abc.123\n发表评论\n".utf8)),
            "no article text left after cleaning: all 3 non-blank lines are noise (captions, bylines, menus or boilerplate)"
        )
    }

    func testASingleNoiseLineIsRejected() {
        XCTAssertEqual(
            CleanTestSupport.rejectReason(Array("TC:osder9follow7\n".utf8)),
            "no article text left after cleaning: the only non-blank line is noise (a caption, byline, menu or boilerplate)"
        )
    }

    func testTextShorterThanTheMinimumIsRejected() {
        XCTAssertEqual(
            CleanTestSupport.rejectReason(Array("项目进展顺利。\n".utf8)),
            "no article text left after cleaning: the longest article has 7 characters, fewer than clean.min_article_chars (60)"
        )
    }

    func testByteOrderMarkIsSkipped() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles([0xEF, 0xBB, 0xBF] + Array(prose.utf8)).first)
        XCTAssertEqual(article.text, prose)
        XCTAssertEqual(article.removedChars, 0)
    }

    func testFullWidthDigitsLettersAndPercentBecomeHalfWidthButChinesePunctuationStays() throws {
        let text =
            "\u{3000}\u{3000}２０２４年，ＡＢＣ公司投入资金１６００万元，同比增长１２．５％，带动就业岗位３００个．．．"
            + prose + "\r\n"
        let article = try XCTUnwrap(CleanTestSupport.articles(Array(text.utf8)).first)
        XCTAssertEqual(
            article.text, "2024年，ABC公司投入资金1600万元，同比增长12.5%，带动就业岗位300个．．．" + prose
        )
    }

    func testLineEndingsAndSpacesAreNormalised() throws {
        let text = "山海协作结出累累硕果\r\n\r\n  " + prose + "\u{3000}\r第二段  也是\u{00A0}正文，不会被丢掉。\u{200B}\n"
        let article = try XCTUnwrap(CleanTestSupport.articles(Array(text.utf8)).first)
        XCTAssertEqual(article.text, "山海协作结出累累硕果\n" + prose + "\n第二段 也是 正文，不会被丢掉。")
        XCTAssertEqual(article.removedChars, 0, "whitespace and invisible characters are not counted")
    }
}
