import XCTest

@testable import XiezuoCore

final class PathEscapeTests: XCTestCase {
    func testValidUTF8IsWrittenAsItIsExceptTheBackslash() {
        XCTAssertEqual(PathEscape.escape(Array("crawl/2026-12-01/粤黔协作.html".utf8)), "crawl/2026-12-01/粤黔协作.html")
        XCTAssertEqual(PathEscape.escape(Array(#"back\slash.txt"#.utf8)), #"back\\slash.txt"#)
        XCTAssertEqual(PathEscape.escape(Array(#"\xE9.txt"#.utf8)), #"\\xE9.txt"#)
        XCTAssertEqual(PathEscape.escape(Array("line\nbreak".utf8)), "line\nbreak")
    }

    func testEachByteThatIsNotUTF8IsWrittenInHex() {
        XCTAssertEqual(PathEscape.escape(Array("caf".utf8) + [0xE9] + Array(".txt".utf8)), #"caf\xE9.txt"#)
        // 协作 in GBK: its first two bytes happen to be valid UTF-8 (Э), the others are not.
        XCTAssertEqual(PathEscape.escape([0xD0, 0xAD, 0xD7, 0xF7]), #"Э\xD7\xF7"#)
        XCTAssertEqual(PathEscape.unescape(#"Э\xD7\xF7"#), [0xD0, 0xAD, 0xD7, 0xF7])
        // A cut-off sequence, an overlong form and an encoded surrogate.
        XCTAssertEqual(PathEscape.escape([0x61, 0xE5, 0x8D]), #"a\xE5\x8D"#)
        XCTAssertEqual(PathEscape.escape([0xC0, 0xAF]), #"\xC0\xAF"#)
        XCTAssertEqual(PathEscape.escape([0xED, 0xA0, 0x80]), #"\xED\xA0\x80"#)
    }

    func testUnescapeGivesBackEveryNameByteForByte() {
        var generator = SystemRandomNumberGenerator()
        var names: [[UInt8]] = [
            [], Array(#"\\"#.utf8), Array(#"a\b\xZZ\x"#.utf8), Array("caf".utf8) + [0xE9, 0x5C, 0x78, 0x45, 0x39], [0xFF, 0xFE, 0x5C],
            Array("协作".utf8) + [0xE5],
        ]
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<24, using: &generator)
            // Mostly bytes that matter here: backslashes, x, hex digits, UTF-8 lead and continuation bytes.
            let alphabet: [UInt8] = [0x5C, 0x78, 0x45, 0x39, 0x41, 0x2F, 0xE5, 0x8D, 0x8F, 0xC3, 0xA9, 0xFF, 0x00, 0x0A]
            names.append((0..<length).map { _ in
                Bool.random(using: &generator) ? alphabet.randomElement(using: &generator) ?? 0 : UInt8.random(in: 0...255, using: &generator)
            })
        }
        for name in names {
            let text = PathEscape.escape(name)
            XCTAssertFalse(text.unicodeScalars.contains("\u{FFFD}"), text)
            XCTAssertEqual(PathEscape.unescape(text), name, text)
        }
    }

    func testUnescapeRefusesWhatEscapeNeverWrites() {
        for text in [#"a\b"#, #"trailing\"#, #"\x4"#, #"\xe9"#, #"\xG0"#] {
            XCTAssertNil(PathEscape.unescape(text), text)
        }
    }
}
