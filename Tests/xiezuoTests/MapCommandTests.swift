import Foundation
import XCTest

/// `xiezuo map`: one output line per input frame, in order; a bad frame is a reject naming its
/// line and the stream goes on; a source larger than fetch.max_bytes is rejected with fetch's
/// words (README, "Spark", "The map stream").
final class MapCommandTests: XCTestCase {
    private var workdir: URL!

    override func setUpWithError() throws {
        workdir = try XiezuoProcess.temporaryDirectory("map")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workdir)
    }

    private func config(maxBytes: Int = 67_108_864) throws -> String {
        let path = workdir.appendingPathComponent("pipeline.json")
        try Data(#"{"fetch": {"max_bytes": \#(maxBytes)}, "dedupe": {"scope": "run"}}"#.utf8).write(to: path)
        return path.path
    }

    /// Runs `xiezuo map` with `input` on stdin; the output lines as JSON objects.
    private func map(_ input: Data, config: String) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = XiezuoProcess.binary
        process.arguments = ["map", "--config", config]
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, String(decoding: err, as: UTF8.self))
        return try String(decoding: out, as: UTF8.self).split(separator: "\n").map { line in
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    private func frame(_ source: String, _ bytes: Data) -> String {
        #"{"source": "\#(source)", "bytes": "\#(bytes.base64EncodedString())"}"#
    }

    private func reject(_ line: [String: Any]) -> [String: String]? { line["reject"] as? [String: String] }

    func testEveryFrameGetsItsLineInOrderAndABadFrameIsARejectNamingItsLine() throws {
        let seed = try Data(contentsOf: XiezuoProcess.repositoryRoot.appendingPathComponent("seeds/000_f214322e6fea6c14.txt"))
        let input = [
            frame("seeds/000_f214322e6fea6c14.txt", seed), "not json", #"{"source": "a.txt", "bytes": "***"}"#,
            frame("empty.txt", Data()), #"{"source": "b.txt", "bytes": "", "colour": "red"}"#, frame("again.txt", seed),
        ].joined(separator: "\n")
        let lines = try map(Data(input.utf8), config: config())
        XCTAssertEqual(lines.map { $0["line"] as? Int }, [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(lines.map { $0["source"] as? String }, ["seeds/000_f214322e6fea6c14.txt", "stdin:2", "a.txt", "empty.txt", "b.txt", "again.txt"])
        XCTAssertEqual(
            reject(lines[1]),
            ["stage": "fetch", "reason": #"map frame at line 2: not a JSON object; write {"source": NAME, "bytes": BASE64} on one line"#])
        XCTAssertEqual(reject(lines[2]), ["stage": "fetch", "reason": #"map frame at line 3: "bytes" is missing or not base64 (RFC 4648, with padding)"#])
        XCTAssertEqual(reject(lines[3])?["stage"], "clean")
        XCTAssertEqual(
            reject(lines[4]), ["stage": "fetch", "reason": #"map frame at line 5: unknown key "colour"; a frame has source, bytes, charset and url"#])
        // The seed's articles, each with its document row, facts, paragraphs and fingerprint;
        // the same bytes under another name are the same articles under that name.
        let articles = try XCTUnwrap(lines[0]["articles"] as? [[String: Any]])
        let again = try XCTUnwrap(lines[5]["articles"] as? [[String: Any]])
        // The seed is a newspaper page of several articles.
        XCTAssertGreaterThan(articles.count, 1)
        XCTAssertEqual(again.count, articles.count)
        let document = try XCTUnwrap(articles[0]["document"] as? [String: Any])
        XCTAssertEqual(document["source"] as? String, "seeds/000_f214322e6fea6c14.txt")
        XCTAssertEqual(document["title"] as? String, "广州“造血式”协作激活国内大循环")
        XCTAssertNil(document["duplicate_of"])
        let fingerprint = try XCTUnwrap(articles[0]["fingerprint"] as? [String: Any])
        let againFingerprint = try XCTUnwrap(again[0]["fingerprint"] as? [String: Any])
        XCTAssertEqual(fingerprint["exact_key"] as? String, againFingerprint["exact_key"] as? String)
        XCTAssertEqual((fingerprint["band_keys"] as? [String])?.count, 48)
        let facts = try XCTUnwrap(articles[0]["facts"] as? [[String: Any]])
        let money = try XCTUnwrap(facts.first { ($0["row"] as? [String: Any])?["text"] as? String == "超100亿元" }?["row"] as? [String: Any])
        XCTAssertEqual(money["amount_cny"] as? String, "10000000000")
        XCTAssertEqual(money["year"] as? Int, 2025)
    }

    func testASourceLargerThanMaxBytesIsRejectedWithFetchsWordsAndTheStreamGoesOn() throws {
        let config = try config(maxBytes: 1000)
        let small = frame("small.txt", Data(repeating: 0x41, count: 10))
        let large = frame("large.txt", Data(repeating: 0x41, count: 2000))
        // A line longer than any frame of max_bytes: skipped without being held.
        let huge = #"{"source": "huge.txt", "bytes": ""# + String(repeating: "QUFB", count: 1 << 19) + #""}"#
        let lines = try map(Data([large, huge, small].joined(separator: "\n").utf8), config: config)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(
            reject(lines[0]), ["stage": "fetch", "reason": "too large: 2000 bytes, more than fetch.max_bytes (1000); raise the limit to read it"])
        XCTAssertEqual(lines[1]["source"] as? String, "stdin:2")
        XCTAssertEqual(
            reject(lines[1])?["reason"],
            "map frame at line 2: \(huge.utf8.count) bytes, longer than a source of fetch.max_bytes (1000) in base64; the source is too large to read")
        XCTAssertEqual(lines[2]["source"] as? String, "small.txt")
        XCTAssertNotNil(reject(lines[2]), "ten letters are no article")
    }
}
