import Foundation
import XCTest

/// `run --dry-run` prints the plan and writes nothing: no output directory, no store, no lock.
final class DryRunTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("dry")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Every file under `directory` with its bytes.
    private func snapshot(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: directory.path)?.allObjects ?? [] {
            let url = directory.appendingPathComponent(relative)
            let values = try url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            if values.isSymbolicLink == true {
                files[relative] = Data(try FileManager.default.destinationOfSymbolicLink(atPath: url.path).utf8)
            } else {
                files[relative] = values.isDirectory == true ? Data() : try Data(contentsOf: url)
            }
        }
        return files
    }

    func testPrintsThePlanAndCreatesNothing() throws {
        let output = scratch.appendingPathComponent("out")
        let result = try XiezuoProcess.run(["run", "--input", "seeds", "--output", output.path, "--dry-run"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
        let seeds = try FileManager.default.contentsOfDirectory(atPath: XiezuoProcess.repositoryRoot.appendingPathComponent("seeds").path)
        XCTAssertTrue(result.stdout.contains("sources      5 ("), result.stdout)
        for name in seeds { XCTAssertTrue(result.stdout.contains("\n  seeds/\(name)  "), name) }
        XCTAssertTrue(result.stdout.contains("stages       fetch → clean → extract → dedupe → aggregate"), result.stdout)
        XCTAssertTrue(result.stdout.contains("store        \(output.path)/store.sqlite (would be created)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("lock         \(output.path)/store.sqlite.lock"), result.stdout)
        XCTAssertTrue(result.stdout.contains("outputs      \(output.path)\n"), result.stdout)
        for name in [
            "current/csv/documents.csv", "current/parquet/investments/investments.parquet", "current/csv/rejects.csv",
            "current/datapackage.json", "current/run.json",
        ] {
            XCTAssertTrue(result.stdout.contains("\n  \(name)\n"), name)
        }
    }

    func testLeavesAnExistingOutputAndStoreByteForByte() throws {
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", "seeds", "--output", scratch.path]).status, 0)
        let before = try snapshot(scratch)
        XCTAssertNotNil(before["store.sqlite"])
        let result = try XiezuoProcess.run(["run", "--input", "seeds", "--output", scratch.path, "--dry-run"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("(exists)"), result.stdout)
        XCTAssertEqual(try snapshot(scratch), before)
    }

    func testMissingInputExitsTwo() throws {
        let result = try XiezuoProcess.run(["run", "--input", "/nonexistent/night", "--output", scratch.path, "--dry-run"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("input path /nonexistent/night does not exist"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    /// The dedupe line states both ways two articles become one story (README, "Dedupe rule").
    func testStatesTheWholeDedupeRule() throws {
        let result = try XiezuoProcess.run(["run", "--input", "seeds", "--output", scratch.path, "--dry-run"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stdout.contains("near-duplicates at Jaccard ≥ 0.5, or containment ≥ 0.25 where their figures corroborate each other"),
            result.stdout)
        XCTAssertTrue(result.stdout.contains("postgres     none (output.postgres not set)"), result.stdout)
    }

    /// A configured PostgreSQL load is named (the connection as written, the schema) without
    /// connecting: the server here does not exist.
    func testNamesThePostgresTargetWithoutConnecting() throws {
        let config = scratch.appendingPathComponent("pipeline.json")
        let settings: [String: Any] = [
            "fetch": ["sources": [XiezuoProcess.repositoryRoot.appendingPathComponent("seeds").path]],
            "output": ["directory": scratch.appendingPathComponent("out").path,
                       "postgres": ["connection": "postgresql://xiezuo@db.invalid/analytics", "schema": "night"]],
        ]
        try JSONSerialization.data(withJSONObject: settings).write(to: config)
        let result = try XiezuoProcess.run(["run", "--config", config.path, "--dry-run"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("postgres     postgresql://xiezuo@db.invalid/analytics (schema night;"), result.stdout)
    }
}
