import Foundation
import XCTest
import XiezuoCore

/// Each documented exit code from a real situation (3 is in `RunLockEndToEndTests`).
final class ExitCodeTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("exit")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// One good article and one empty file, which is rejected.
    private func inputWithAReject() throws -> URL {
        let input = scratch.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: XiezuoProcess.repositoryRoot.appendingPathComponent("seeds/001_3a25b0911a74f829.txt"),
            to: input.appendingPathComponent("good.txt")
        )
        try Data().write(to: input.appendingPathComponent("empty.txt"))
        return input
    }

    func testRejectsExitZeroWithoutStrictAndFourWithIt() throws {
        let input = try inputWithAReject()
        let output = scratch.appendingPathComponent("out")
        let plain = try XiezuoProcess.run(["run", "--input", input.path, "--output", output.path])
        XCTAssertEqual(plain.status, 0, plain.stderr)

        let strictOutput = scratch.appendingPathComponent("strict")
        let strict = try XiezuoProcess.run(
            ["run", "--input", input.path, "--output", strictOutput.path, "--strict", "--log-format", "json"]
        )
        XCTAssertEqual(strict.status, 4, strict.stderr)
        // The tables are written all the same.
        let rejects = try OutputTables(directory: strictOutput).rows("rejects")
        XCTAssertEqual(rejects.map { $0["source"] ?? "" }, ["empty.txt"])
        XCTAssertEqual(try OutputTables(directory: strictOutput).rows("documents").count, 1)
        let events = LogLines.events(strict.stderr)
        let errors = events.filter { $0["level"] as? String == "error" }
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?["exit.code"] as? Int, 4)
        XCTAssertEqual(errors.first?["run.rejects"] as? Int, 1)
        XCTAssertEqual(events.last?["message"] as? String, "run failed")
    }

    func testStrictWithoutRejectsExitsZero() throws {
        let result = try XiezuoProcess.run(["run", "--input", "seeds", "--output", scratch.path, "--strict"])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func testCorruptStoreExitsOneAndLeavesTheTables() throws {
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", "seeds", "--output", scratch.path]).status, 0)
        let before = try OutputTables(directory: scratch).bytes(OutputLayout.csv("documents"))
        try Data(repeating: 0x5A, count: 8192).write(to: scratch.appendingPathComponent("store.sqlite"))

        let result = try XiezuoProcess.run(["run", "--input", "seeds", "--output", scratch.path, "--log-format", "json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(try OutputTables(directory: scratch).bytes(OutputLayout.csv("documents")), before)
        let errors = LogLines.events(result.stderr).filter { $0["level"] as? String == "error" }
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?["message"] as? String, "run failed")
        XCTAssertEqual(errors.first?["exit.code"] as? Int, 1)
        let reason = try XCTUnwrap(errors.first?["error.reason"] as? String)
        XCTAssertTrue(reason.hasPrefix("article store \(scratch.appendingPathComponent("store.sqlite").path): cannot be opened"), reason)
    }

    func testBadConfigInJSONModeIsOneJSONErrorEventWithExitTwo() throws {
        let config = scratch.appendingPathComponent("pipeline.json")
        try Data(#"{"dedupe": {"enabled": "yes"}}"#.utf8).write(to: config)
        let result = try XiezuoProcess.run(["run", "--config", config.path, "--log-format", "json"])
        XCTAssertEqual(result.status, 2)
        let events = LogLines.events(result.stderr)
        XCTAssertEqual(events.count, 1, result.stderr)
        XCTAssertEqual(events.first?["exit.code"] as? Int, 2)
        XCTAssertTrue((events.first?["error.reason"] as? String ?? "").contains("dedupe.enabled: expected true or false"))
    }

    /// 4611686018427387904 workers overflowed the pool's window (SIGILL, no event, staging left).
    func testWorkersOutOfRangeIsAUsageErrorThatTouchesNothing() throws {
        let output = scratch.appendingPathComponent("out")
        for workers in ["4611686018427387904", "1025", "0"] {
            let result = try XiezuoProcess.run(["run", "--input", "seeds", "--output", output.path, "--workers", workers])
            XCTAssertEqual(result.status, 2, "\(workers): \(result.stderr)")
            XCTAssertTrue(
                result.stderr.contains("--workers must be between 1 and 1024; \(workers) is out of range."), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), workers)
        }
        let most = try XiezuoProcess.run(["run", "--input", "seeds", "--output", output.path, "--workers", "1024"])
        XCTAssertEqual(most.status, 0, most.stderr)
    }

    /// Line limits of 2^63 − 1 overflowed `2 * maxChars` in the line-shape tests (SIGILL).
    func testHugeConfigNumbersAreUsageErrorsNotCrashes() throws {
        let config = scratch.appendingPathComponent("pipeline.json")
        let most = Int.max
        try Data(
            #"{"clean": {"max_heading_chars": \#(most), "max_tag_chars": \#(most)}, "output": {"row_group_rows": \#(most)}}"#.utf8
        ).write(to: config)
        let result = try XiezuoProcess.run(["run", "--config", config.path, "--input", "seeds", "--output", scratch.appendingPathComponent("out").path])
        XCTAssertEqual(result.status, 2, result.stderr)
        for problem in [
            "clean.max_heading_chars: must be at most 10000", "clean.max_tag_chars: must be at most 10000",
            "output.row_group_rows: must be at most 2147483647",
        ] {
            XCTAssertTrue(result.stderr.contains(problem), problem + "\n" + result.stderr)
        }
    }

    /// A mistyped `dedupe.store` directory was created silently and started an empty history.
    func testAStoreInAMissingDirectoryIsAUsageErrorAndNothingIsCreated() throws {
        let missing = scratch.appendingPathComponent("histroy")
        let config = scratch.appendingPathComponent("pipeline.json")
        try Data(#"{"dedupe": {"store": "histroy/store.sqlite"}}"#.utf8).write(to: config)
        let output = scratch.appendingPathComponent("out")
        let result = try XiezuoProcess.run(
            ["run", "--config", config.path, "--input", "seeds", "--output", output.path, "--log-format", "json"])
        XCTAssertEqual(result.status, 2, result.stderr)
        let events = LogLines.events(result.stderr)
        XCTAssertEqual(events.count, 1, result.stderr)
        XCTAssertEqual(
            events.first?["error.reason"] as? String,
            "dedupe.store \(missing.path)/store.sqlite: the directory \(missing.path) does not exist; create it, or correct "
                + "dedupe.store (xiezuo does not create it, so that a mistyped path cannot start an empty history)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
        let dryRun = try XiezuoProcess.run(["run", "--config", config.path, "--input", "seeds", "--dry-run"])
        XCTAssertEqual(dryRun.status, 2, dryRun.stderr)

        // Once the directory exists, the first run says that it starts a new history; the next does not.
        try FileManager.default.createDirectory(at: missing, withIntermediateDirectories: false)
        let first = try XiezuoProcess.run(
            ["run", "--config", config.path, "--input", "seeds", "--output", output.path, "--log-format", "json"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let created = LogLines.events(first.stderr).filter { $0["message"] as? String == "store created" }
        XCTAssertEqual(created.map { $0["store.path"] as? String }, [missing.appendingPathComponent("store.sqlite").path])
        let second = try XiezuoProcess.run(
            ["run", "--config", config.path, "--input", "seeds", "--output", output.path, "--log-format", "json"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertFalse(second.stderr.contains("store created"), second.stderr)
    }

    func testProgressAlwaysWithJSONLogsIsAUsageError() throws {
        let result = try XiezuoProcess.run(["run", "--log-format", "json", "--progress", "always"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--progress always would mix the progress line into the JSON log"), result.stderr)
        XCTAssertEqual(try XiezuoProcess.run(["run", "--log-format", "xml"]).status, 2)
    }
}
