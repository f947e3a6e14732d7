import Foundation
import XCTest

/// `--log-format json` is one JSON object per line with per-stage events, and nothing meant
/// for a terminal reaches a log file.
final class LogFormatTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("log")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func inputWithRejects() throws -> URL {
        let input = scratch.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let seeds = XiezuoProcess.repositoryRoot.appendingPathComponent("seeds")
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) {
            try FileManager.default.copyItem(at: seeds.appendingPathComponent(name), to: input.appendingPathComponent(name))
        }
        try Data().write(to: input.appendingPathComponent("empty.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]).write(to: input.appendingPathComponent("image.png"))
        return input
    }

    func testJSONLinesCarryStageEventsRejectsAndTotalsMatchingRunJSON() throws {
        let output = scratch.appendingPathComponent("out")
        let result = try XiezuoProcess.run(
            ["run", "--input", try inputWithRejects().path, "--output", output.path, "--log-format", "json"]
        )
        XCTAssertEqual(result.status, 0, result.stderr)
        let events = LogLines.events(result.stderr)
        XCTAssertEqual(events.count, result.stderr.split(separator: "\n").count)
        for event in events {
            XCTAssertEqual(event["label"] as? String, "xiezuo")
            let timestamp = event["timestamp"] as? String ?? ""
            XCTAssertNotNil(timestamp.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression), timestamp)
            XCTAssertNotNil(event["level"] as? String)
        }
        XCTAssertEqual(events.first?["message"] as? String, "run started")
        XCTAssertEqual(events.last?["message"] as? String, "run finished")

        let rejects = events.filter { $0["message"] as? String == "source rejected" }
        XCTAssertEqual(rejects.map { $0["source.name"] as? String }, ["empty.txt", "image.png"])
        XCTAssertTrue(rejects.allSatisfy { $0["level"] as? String == "warning" && !($0["reject.reason"] as? String ?? "").isEmpty })

        let report = try XCTUnwrap(
            try OutputTables(directory: output).report()
        )
        let stages = try XCTUnwrap(report["stages"] as? [String: [String: Any]])
        let stageEvents = events.filter { $0["message"] as? String == "stage finished" }
        XCTAssertEqual(stageEvents.compactMap { $0["stage.name"] as? String }, ["fetch", "clean", "extract", "dedupe", "aggregate"])
        for event in stageEvents {
            let name = event["stage.name"] as? String ?? ""
            let recorded = try XCTUnwrap(stages[name], name)
            for key in ["records_in", "records_out", "rejected", "duplicates"] {
                XCTAssertEqual(event["stage.\(key)"] as? Int, recorded[key] as? Int, "\(name) \(key)")
            }
            XCTAssertNotNil(event["stage.seconds"] as? NSNumber, name)
        }
        let finished = try XCTUnwrap(events.last)
        XCTAssertEqual(finished["run.sources"] as? Int, 7)
        XCTAssertEqual(finished["run.rejects"] as? Int, 2)
        XCTAssertEqual(finished["run.articles"] as? Int, report["articles"] as? Int)
        XCTAssertEqual(finished["run.facts.investments"] as? Int, (report["facts"] as? [String: Int])?["investments"])
    }

    func testRunWithoutATerminalWritesNoProgressOrEscapes() throws {
        let result = try XiezuoProcess.run(["run", "--input", try inputWithRejects().path, "--output", scratch.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("\r"), result.stderr)
        XCTAssertFalse(result.stderr.contains("\u{1B}"), result.stderr)
        XCTAssertTrue(result.stderr.contains(" info stage finished "), result.stderr)
        XCTAssertTrue(result.stderr.contains(" warning source rejected "), result.stderr)
    }

    /// A file name with a line break and an escape sequence forged a `run finished` line and
    /// cleared the terminal in the human format.
    func testSourceNamesCannotForgeLinesOrDriveTheTerminal() throws {
        let input = scratch.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let name = "a\n2026-01-01T00:00:00Z info run finished run.rejects=0\u{1B}[2J\u{202E}.txt"
        try Data().write(to: input.appendingPathComponent(name))
        let result = try XiezuoProcess.run(["run", "--input", input.path, "--output", scratch.appendingPathComponent("out").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("\u{1B}"), result.stderr)
        XCTAssertFalse(result.stderr.contains("\u{202E}"), result.stderr)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for line in lines {
            let isEvent = line.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ (info|warning|error) "#, options: .regularExpression) != nil
            XCTAssertTrue(isEvent || line.hasPrefix("xiezuo: "), "a line that is no event: \(line)")
        }
        XCTAssertEqual(lines.filter { $0.contains("run finished") && !$0.contains("source rejected") }.count, 1, result.stderr)
        XCTAssertTrue(
            result.stderr.contains(
                #"source.name="a\n2026-01-01T00:00:00Z info run finished run.rejects=0\u001b[2J\u202e.txt""#), result.stderr)
    }

    func testProgressAlwaysDrawsAndClearsItsLine() throws {
        let result = try XiezuoProcess.run(["run", "--input", "seeds", "--output", scratch.path, "--progress", "always"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("\r\u{1B}[Kxiezuo "), result.stderr)
        XCTAssertTrue(result.stderr.contains(" sources  "), result.stderr)
        // The progress line is cleared before the closing summary, which ends the output.
        let afterLastClear = result.stderr.components(separatedBy: "\r\u{1B}[K").last ?? ""
        XCTAssertTrue(afterLastClear.hasPrefix("xiezuo: 5 sources"), afterLastClear.debugDescription)
        XCTAssertTrue(afterLastClear.hasSuffix(" s\n"), afterLastClear.debugDescription)
    }
}
