import Foundation
import XCTest

@testable import XiezuoCore

/// One setup path for `run`, `run --dry-run` and `validate`: a rule table that is missing or
/// malformed stops each of them before anything is locked or written, with exit 2 and a
/// message naming the file. The tables are pointed at through `resources` in pipeline.json.
final class ProcessorSetupTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("setup")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// A copy of xiezuo's rule tables in `rules/`, and a pipeline.json that names it.
    private func configWithCopiedTables() throws -> (config: URL, rules: URL) {
        let rules = scratch.appendingPathComponent("rules")
        try FileManager.default.copyItem(
            at: XiezuoProcess.repositoryRoot.appendingPathComponent("Sources/XiezuoCore/Resources"), to: rules)
        let config = scratch.appendingPathComponent("pipeline.json")
        let output = scratch.appendingPathComponent("out").path
        let seeds = XiezuoProcess.repositoryRoot.appendingPathComponent("seeds").path
        try Data(#"{"fetch": {"sources": ["\#(seeds)"]}, "output": {"directory": "\#(output)"}, "resources": "rules"}"#.utf8)
            .write(to: config)
        return (config, rules)
    }

    private func assertEveryCommandStops(config: URL, naming path: String, saying words: [String]) throws {
        for arguments in [["run"], ["run", "--dry-run"], ["validate"]] {
            let result = try XiezuoProcess.run(arguments + ["--config", config.path])
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(path), "\(arguments): \(result.stderr)")
            for word in words { XCTAssertTrue(result.stderr.contains(word), "\(arguments) \(word): \(result.stderr)") }
            XCTAssertFalse(result.stderr.contains("cannot write"), result.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("out").path), "nothing is written")
    }

    func testTheCopiedTablesRunLikeTheBuiltInOnes() throws {
        let (config, _) = try configWithCopiedTables()
        let result = try XiezuoProcess.run(["validate", "--config", config.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let run = try XiezuoProcess.run(["run", "--config", config.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        // The same configuration without `resources`, into another directory.
        let builtIn = scratch.appendingPathComponent("built-in")
        let plain = scratch.appendingPathComponent("built-in.json")
        let text = try String(contentsOf: config, encoding: .utf8)
            .replacingOccurrences(of: #", "resources": "rules""#, with: "")
            .replacingOccurrences(of: scratch.appendingPathComponent("out").path, with: builtIn.path)
        try Data(text.utf8).write(to: plain)
        let second = try XiezuoProcess.run(["run", "--config", plain.path])
        XCTAssertEqual(second.status, 0, second.stderr)
        // The same tables make the same articles: the same processor identity, the same rows.
        let copied = try OutputTables(directory: scratch.appendingPathComponent("out"))
        XCTAssertEqual(try copied.report()["processor"] as? String, try OutputTables(directory: builtIn).report()["processor"] as? String)
        for table in ["documents", "investments", "jobs", "projects", "paragraphs"] {
            XCTAssertEqual(try copied.bytes(OutputLayout.csv(table)), try OutputTables(directory: builtIn).bytes(OutputLayout.csv(table)), table)
        }
    }

    func testAMissingGazetteerStopsRunDryRunAndValidateNamingIt() throws {
        let (config, rules) = try configWithCopiedTables()
        let gazetteer = rules.appendingPathComponent("regions.csv")
        try FileManager.default.removeItem(at: gazetteer)
        try assertEveryCommandStops(
            config: config, naming: gazetteer.path, saying: ["extract cannot start (resource_missing)", "the gazetteer", "no such file"])
    }

    func testAGarbledDespinTableStopsRunDryRunAndValidateNamingIt() throws {
        let (config, rules) = try configWithCopiedTables()
        let table = rules.appendingPathComponent("despin.csv")
        try Data("spun,original\n\"unterminated\n".utf8).write(to: table)
        try assertEveryCommandStops(
            config: config, naming: table.path, saying: ["clean cannot start (resource_invalid)", "de-spinning table"])
    }

    func testAMissingResourcesDirectoryIsNamed() throws {
        let (config, rules) = try configWithCopiedTables()
        try FileManager.default.removeItem(at: rules)
        try assertEveryCommandStops(config: config, naming: rules.path, saying: ["(resources_missing)", "does not exist"])
    }
}
