import Foundation
import GRDB
import XCTest

@testable import XiezuoCore

/// The store remembers what made each source's articles (README, "After an upgrade"): a
/// source is unchanged only when its bytes and the processor identity — xiezuo's rules, the
/// `clean` and `extract` settings, the fingerprints' parameters, the rule tables — are. A
/// changed per-article setting processes tonight's sources again; a setting that acts on the
/// whole run does not.
final class ProcessorIdentityTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("identity")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Runs the seeds with `settings` (pipeline.json's keys besides fetch and output) into `output`.
    private func run(_ settings: String, output: URL) throws -> [String: Any] {
        let config = scratch.appendingPathComponent("pipeline-\(UUID().uuidString).json")
        let seeds = XiezuoProcess.repositoryRoot.appendingPathComponent("seeds").path
        let outputSettings = settings.contains("\"output\"") ? "" : #", "output": {"directory": "\#(output.path)"}"#
        try Data(#"{"fetch": {"sources": ["\#(seeds)"]}\#(outputSettings)\#(settings)}"#.utf8).write(to: config)
        let result = try XiezuoProcess.run(["run", "--config", config.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try OutputTables(directory: output).report()
    }

    func testAChangedCleanOrExtractSettingProcessesTheSourcesAgain() throws {
        let output = scratch.appendingPathComponent("out")
        let first = try run("", output: output)
        let sources = try XCTUnwrap(first["sources"] as? Int)
        XCTAssertEqual(try run("", output: output)["unchanged"] as? Int, sources, "the same night again changes nothing")

        // A headline no longer read as one: the stored titles would be stale.
        let clean = try run(#", "clean": {"max_heading_chars": 20}"#, output: output)
        XCTAssertEqual(clean["unchanged"] as? Int, 0)
        XCTAssertNotEqual(clean["processor"] as? String, first["processor"] as? String)
        let fresh = scratch.appendingPathComponent("fresh")
        _ = try run(#", "clean": {"max_heading_chars": 20}"#, output: fresh)
        for table in ["documents", "investments", "paragraphs"] {
            XCTAssertEqual(
                try OutputTables(directory: output).rows(table).map { $0.filter { $0.key != "first_seen_run" } },
                try OutputTables(directory: fresh).rows(table).map { $0.filter { $0.key != "first_seen_run" } }, table)
        }

        let extract = try run(#", "clean": {"max_heading_chars": 20}, "extract": {"tables": ["investments"]}"#, output: output)
        XCTAssertEqual(extract["unchanged"] as? Int, 0)
        XCTAssertEqual(try OutputTables(directory: output).rows("jobs"), [])
    }

    func testAChangedOutputOrRunSettingProcessesNothingAgain() throws {
        let output = scratch.appendingPathComponent("out")
        let first = try run("", output: output)
        let sources = try XCTUnwrap(first["sources"] as? Int)
        let settings = [
            #", "output": {"directory": "\#(output.path)", "excel": true}"#,
            #", "dedupe": {"threshold": 0.6}"#,
            #", "aggregate": {"group_by": ["category"]}"#,
        ]
        for setting in settings {
            let report = try run(setting, output: output)
            XCTAssertEqual(report["unchanged"] as? Int, sources, setting)
            XCTAssertEqual(report["processor"] as? String, first["processor"] as? String, setting)
        }
    }

    /// A store written before identities were kept has none for its sources: the next night
    /// processes them again and records this processor's.
    func testSourcesStoredWithoutAnIdentityAreProcessedAgainOnce() throws {
        let output = scratch.appendingPathComponent("out")
        let sources = try XCTUnwrap(try run("", output: output)["sources"] as? Int)
        let queue = try DatabaseQueue(path: output.appendingPathComponent("store.sqlite").path)
        try queue.write { db in try db.execute(sql: "UPDATE source SET processor = NULL") }
        try queue.close()
        XCTAssertEqual(try run("", output: output)["unchanged"] as? Int, 0)
        XCTAssertEqual(try run("", output: output)["unchanged"] as? Int, sources)
    }
}
