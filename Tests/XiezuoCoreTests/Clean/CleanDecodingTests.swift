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
        // 0xFF starts a character in none of UTF-8, GB18030 and Big5. (GB18030 bytes are
        // decoded now: see CleanEncodingTests.)
        let bytes: [UInt8] = Array("title\n".utf8) + [0xFF, 0x41]
        XCTAssertEqual(
            CleanTestSupport.rejectReason(bytes),
            "not decodable as UTF-8, GB18030 or Big5 (invalid sequence at byte 6 (0xFF); UTF-8 came closest, with 1 invalid sequence)"
        )
    }

    func testTruncatedAndOverlongUTF8AreReadInAnotherEncodingOrRejected() {
        // A cut-off last character is dropped; what is left is too short for an article.
        XCTAssertEqual(
            CleanTestSupport.rejectReason(Array("ab".utf8) + [0xE5, 0xB9]),
            "no article text left after cleaning: the only non-blank line is noise (a caption, byline, menu or boilerplate)"
        )
        // An overlong form is not UTF-8, but C0 AF is a GB18030 character.
        XCTAssertEqual(
            CleanTestSupport.rejectReason([0x41, 0xC0, 0xAF]),
            "no article text left after cleaning: the longest article has 2 characters, fewer than clean.min_article_chars (60)"
        )
        // An encoded surrogate: ED A0 is GB18030, the lone 0x80 is nothing.
        XCTAssertEqual(
            CleanTestSupport.rejectReason([0xED, 0xA0, 0x80]),
            "not decodable as UTF-8, GB18030 or Big5 (invalid sequence at byte 2 (0x80); GB18030 came closest, with 1 invalid sequence)"
        )
    }

    func testUTF16IsDecodedByItsByteOrderMark() throws {
        for bigEndian in [false, true] {
            let bytes = DecodingTestsSupport.utf16(prose, bigEndian: bigEndian)
            XCTAssertEqual(try CleanTestSupport.articles(bytes).first?.text, prose)
        }
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
