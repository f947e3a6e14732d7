import Foundation
import XCTest

@testable import XiezuoCore

/// `StrictJSONParser` against a real reader: each case's verdict (JSON, not JSON, a key written
/// twice) must be the verdict of Python's `json` module run strictly (duplicate keys refused
/// through `object_pairs_hook`, NaN and Infinity through `parse_constant`). Foundation's
/// readers accepted trailing commas and duplicate keys, and said neither line nor column.
final class StrictJSONParserTests: XCTestCase {
    private enum Verdict: String {
        case json = "ok"
        case notJSON = "invalid"
        case duplicate
    }

    private static let valid: [String] = [
        "{}", "[]", "5", "-0", "0.5", "-1.5e-3", "1E+5", "1e400", "99999999999999999999999", "\"x\"", "true", "null",
        " \t\r\n{ \"a\" : [ 1 , 2 ] } \n", #"{"a": {"b": {"c": [true, false, null, "\u00e9\ud83d\ude00\/\\\"\b\f\n\r\t"]}}}"#,
        #"{"a": 1, "b": {"a": 2}}"#, "{\"中文\": \"协作\"}", "{\"a\": \"\u{7F}\"}",
    ]

    private static let notJSON: [String] = [
        "", " ", "{", "}", "[1,]", "{\"a\": 1,}", "{\"a\" 1}", "{\"a\": 1 \"b\": 2}", "{a: 1}", "{'a': 1}", "{\"a\": 'x'}",
        "{\"a\": 1} // note", "/* note */ {}", "{\"a\": 1} x", "{} {}", "01", "+1", ".5", "1.", "1e", "-", "--1", "0x10",
        "NaN", "Infinity", "-Infinity", "{\"a\": undefined}", "True", "nul", "\"abc", "\"a\tb\"", "\"a\nb\"",
        #""\x41""#, #""\u12""#, #""\u12G4""#, "[1 2]", "[,1]", "{,}", "{\"a\":}", "\u{0C}{}",
    ]

    private static let duplicated: [String] = [
        #"{"a": 1, "a": 2}"#, #"{"fetch": {"max_bytes": 5}, "fetch": {}}"#, #"{"x": {"y": 1, "z": 2, "y": 3}}"#,
        #"[{"k": 1}, {"k": 2, "k": 3}]"#,
    ]

    private static let rawBytes: [[UInt8]] = [
        [0xEF, 0xBB, 0xBF, 0x7B, 0x7D],  // {} after a byte order mark, which is allowed
        Array("{\"a\": \"".utf8) + [0xFF, 0x22, 0x7D],  // not UTF-8
        Array("{\"a\": \"".utf8) + [0xC0, 0xAF, 0x22, 0x7D],  // an overlong encoding
        Array("{\"a\": \"".utf8) + [0x00, 0x22, 0x7D],  // a raw NUL inside a string
        [0x7B, 0x7D, 0x20, 0xEF, 0xBB, 0xBF],  // a byte order mark anywhere else
    ]

    /// Every case as bytes, so that broken UTF-8 can be among them.
    private static var cases: [[UInt8]] {
        let texts: [String] = valid + notJSON + duplicated
        return texts.map { Array($0.utf8) } + rawBytes
    }

    private func verdict(_ bytes: [UInt8]) -> Verdict {
        do {
            return try StrictJSONParser.parse(bytes).duplicates.isEmpty ? .json : .duplicate
        } catch {
            return .notJSON
        }
    }

    private func pythonVerdicts(_ cases: [[UInt8]]) throws -> [Verdict] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let python = root.appendingPathComponent(".venv/bin/python3")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            XCTFail("the Python readers are not installed: run scripts/install-deps.sh")
            throw CocoaError(.fileNoSuchFile)
        }
        let script = """
            import base64, json, sys
            def pairs(items):
                keys = [key for key, _ in items]
                if len(keys) != len(set(keys)):
                    raise ValueError("duplicate")
                return dict(items)
            def constant(name):
                raise ValueError("constant")
            for line in sys.stdin:
                try:
                    json.loads(base64.b64decode(line), object_pairs_hook=pairs, parse_constant=constant)
                    print("ok")
                except ValueError as error:
                    print("duplicate" if str(error) == "duplicate" else "invalid")
            """
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let lines = cases.map { Data($0).base64EncodedString() }.joined(separator: "\n") + "\n"
        input.fileHandleForWriting.write(Data(lines.utf8))
        try input.fileHandleForWriting.close()
        let answer = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return answer.split(separator: "\n").map { Verdict(rawValue: String($0)) ?? .json }
    }

    func testVerdictsAreThoseOfPythonsStrictJSONReader() throws {
        let expected = try pythonVerdicts(Self.cases)
        XCTAssertEqual(expected.count, Self.cases.count)
        for (bytes, python) in zip(Self.cases, expected) {
            XCTAssertEqual(verdict(bytes), python, String(decoding: bytes, as: UTF8.self).debugDescription)
        }
        // The table covers all three verdicts.
        XCTAssertEqual(Set(expected), [.json, .notJSON, .duplicate])
    }

    private func message(_ text: String) -> String {
        do {
            _ = try StrictJSONParser.parse(Array(text.utf8))
            return "parsed"
        } catch {
            return error.description
        }
    }

    func testErrorsSayWhereAndWhatToWrite() {
        XCTAssertEqual(
            message("{\n  \"fetch\": {\"max_bytes\": 5,}\n}"),
            "line 2, column 28: a comma before } is not JSON (no trailing commas); remove the comma")
        XCTAssertEqual(message("[1, 2,]"), "line 1, column 7: a comma before ] is not JSON (no trailing commas); remove the comma")
        XCTAssertEqual(message("{\"a\": 1} // why"), "line 1, column 10: more text after the end of the JSON value; a file holds one value (one {…})")
        XCTAssertEqual(message("{\n  // why\n}"), "line 2, column 3: comments (// or /* */) are not JSON; remove them")
        XCTAssertEqual(message("{fetch: {}}"), "line 1, column 2: keys take double quotes: write \"fetch\"")
        XCTAssertEqual(message("{\"协作\": 'x'}"), "line 1, column 8: strings and keys take double quotes (\"), not single ones")
        XCTAssertEqual(
            message("{\"t\": NaN}"),
            "line 1, column 7: NaN is not a JSON value; values are \"strings\", numbers, true, false, null, {objects} and [lists]")
        XCTAssertEqual(message("[07]"), "line 1, column 3: a number does not start with 0 followed by digits (write 7, not 07)")
        XCTAssertEqual(message("{\"a\": [1,\n"), "line 2, column 1: the file ends inside a list opened at line 1, column 7; add the missing ]")
        XCTAssertEqual(
            message("{\"path\": \"C:\\data\"}"),
            "line 1, column 13: \\d is not a JSON escape; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX (a backslash in a path is written \\\\)")
        // Where this parser is stricter than Python's: surrogates are not characters, escaped
        // alone or encoded in UTF-8 (Python's json decodes bytes with "surrogatepass").
        XCTAssertEqual(message("\"\\ud800\""), "line 1, column 2: \\ud800 is half of a surrogate pair, not a character; write the character itself")
        XCTAssertThrowsError(try StrictJSONParser.parse(Array("\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"".utf8))) { error in
            XCTAssertEqual("\(error)", "line 1, column 2: byte 0xED is not UTF-8; save the file as UTF-8")
        }
        XCTAssertEqual(message(""), "line 1, column 1: the file holds no JSON value; write {} for every default")
        XCTAssertEqual(message(String(repeating: "[", count: 600)), "line 1, column 513: nested more than 512 deep")
    }

    func testKeysWrittenTwiceAreListedWithBothPlaces() throws {
        let text = "{\n  \"fetch\": {\"max_bytes\": 1, \"max_bytes\": 2},\n  \"fetch\": {}\n}"
        let duplicates = try StrictJSONParser.parse(Array(text.utf8)).duplicates
        XCTAssertEqual(duplicates.map { ConfigProblem.path($0.path) }, ["fetch.max_bytes", "fetch"])
        XCTAssertEqual(duplicates.map(\.first), [JSONTextPosition(line: 2, column: 13), JSONTextPosition(line: 2, column: 3)])
        XCTAssertEqual(duplicates.map(\.second), [JSONTextPosition(line: 2, column: 29), JSONTextPosition(line: 3, column: 3)])
    }
}
