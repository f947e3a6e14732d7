import Foundation
import XCTest
import XiezuoCore

/// SIGTERM (systemd stopping the service) and SIGINT (Ctrl-C) during a run: the run stops,
/// leaves the store and the previous tables as they were, removes its staging directory, logs
/// `run failed` with the signal, and ends by the signal (a shell shows 143 or 130). It used to
/// die on the spot with no event and its staging directory left behind.
final class SignalTests: XCTestCase {
    private var scratch: URL!
    private var output: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("signal")
        output = scratch.appendingPathComponent("out")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// 1,500 numbered copies of the seeds: a run long enough to be caught midway.
    private func manyArticles() throws -> URL {
        let input = scratch.appendingPathComponent("many")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let seeds = XiezuoProcess.repositoryRoot.appendingPathComponent("seeds")
        let texts = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted().map {
            try String(contentsOf: seeds.appendingPathComponent($0), encoding: .utf8)
        }
        for index in 0..<1500 {
            let numbered = "第\(index)号通报\n\n" + texts[index % texts.count] + "\n（编号\(index)）\n"
            try Data(numbered.utf8).write(to: input.appendingPathComponent(String(format: "%05d.txt", index)))
        }
        return input
    }

    private func stagingLeft() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(".xiezuo-staging-") }
    }

    private func stopMidRun(with number: Int32) throws {
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", "seeds", "--output", output.path]).status, 0)
        let documents = try Data(contentsOf: OutputTables(directory: output).csv("documents"))
        let store = try Data(contentsOf: output.appendingPathComponent("store.sqlite"))
        let input = try manyArticles()

        let run = try BackgroundRun(
            ["run", "--input", input.path, "--output", output.path, "--workers", "2", "--log-format", "json"],
            stderrFile: scratch.appendingPathComponent("run.log"))
        // Signalled once it is reading, with its staging directory made and its transaction open.
        XCTAssertTrue(BackgroundRun.eventually { run.stderr.contains("\"run started\"") }, run.stderr)
        Thread.sleep(forTimeInterval: 1.5)
        XCTAssertFalse(try stagingLeft().isEmpty, "the run had not started writing yet")
        let signalled = Date()
        kill(run.pid, number)
        run.process.waitUntilExit()
        XCTAssertLessThan(Date().timeIntervalSince(signalled), Double(10), "the run did not stop promptly")

        XCTAssertEqual(run.process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(run.process.terminationStatus, number)
        let last = try XCTUnwrap(LogLines.events(run.stderr).last)
        XCTAssertEqual(last["message"] as? String, "run failed")
        XCTAssertEqual(last["level"] as? String, "error")
        XCTAssertEqual(last["exit.code"] as? Int, Int(128 + number))
        let name = number == SIGTERM ? "SIGTERM" : "SIGINT"
        XCTAssertEqual(last["signal"] as? String, name)
        XCTAssertEqual(
            last["error.reason"] as? String,
            "stopped by \(name); the store and the previous outputs were left as they were and this run's staging directory removed")
        XCTAssertEqual(try stagingLeft(), [])
        XCTAssertEqual(try Data(contentsOf: OutputTables(directory: output).csv("documents")), documents)
        XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("store.sqlite")), store)
    }

    func testSIGTERMStopsTheRunAndLeavesStoreAndTables() throws {
        try stopMidRun(with: SIGTERM)
        // The next night runs as if the stopped one had never been.
        let next = try XiezuoProcess.run(["run", "--input", "seeds", "--output", output.path])
        XCTAssertEqual(next.status, 0, next.stderr)
    }

    func testSIGINTStopsTheRunToo() throws {
        try stopMidRun(with: SIGINT)
    }

    /// A run waiting for another's lock cannot reach a checkpoint: after the grace period it is
    /// ended by force, still with its `run failed` event.
    func testARunThatCannotStopIsEndedAfterTheGracePeriod() throws {
        let holder = try LockHoldingRun(output: output, scratch: scratch)
        defer { kill(holder.run.pid, SIGKILL) }
        let waiting = try BackgroundRun(
            ["run", "--input", "seeds", "--output", output.path, "--wait", "--log-format", "json"],
            stderrFile: scratch.appendingPathComponent("waiting.log"))
        XCTAssertTrue(BackgroundRun.eventually { waiting.stderr.contains("waiting for the lock") }, waiting.stderr)
        let signalled = Date()
        kill(waiting.pid, SIGTERM)
        waiting.process.waitUntilExit()
        let elapsed = Date().timeIntervalSince(signalled)
        XCTAssertGreaterThanOrEqual(elapsed, 4.5)
        XCTAssertLessThan(elapsed, 20)
        XCTAssertEqual(waiting.process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(waiting.process.terminationStatus, SIGTERM)
        let last = try XCTUnwrap(LogLines.events(waiting.stderr).last)
        XCTAssertEqual(last["message"] as? String, "run failed")
        XCTAssertEqual(last["exit.code"] as? Int, 143)
        XCTAssertTrue((last["error.reason"] as? String ?? "").hasPrefix("stopped by SIGTERM; it did not stop within 5 s"), "\(last)")
    }
}
