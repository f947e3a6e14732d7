import Foundation
import XCTest
import XiezuoCore

/// One run at a time per store: a second run exits 3 naming the first, `--wait` queues, and a
/// killed run's lock does not outlive it.
final class RunLockEndToEndTests: XCTestCase {
    private var scratch: URL!
    private var output: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("lock")
        output = scratch.appendingPathComponent("out")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    func testSecondRunExitsThreeNamingTheRunningProcess() throws {
        let holder = try LockHoldingRun(output: output, scratch: scratch)
        defer { kill(holder.run.pid, SIGKILL) }

        let second = try XiezuoProcess.run(["run", "--input", "seeds", "--output", output.path])
        XCTAssertEqual(second.status, 3, second.stderr)
        XCTAssertTrue(second.stderr.contains("another xiezuo run (pid \(holder.run.pid) on "), second.stderr)
        XCTAssertTrue(second.stderr.contains("holds \(holder.lockPath); wait for it or pass --wait"), second.stderr)
        XCTAssertFalse(OutputTables(directory: output).exists)

        let json = try XiezuoProcess.run(["run", "--input", "seeds", "--output", output.path, "--log-format", "json"])
        XCTAssertEqual(json.status, 3)
        let event = try XCTUnwrap(LogLines.events(json.stderr).last)
        XCTAssertEqual(event["level"] as? String, "error")
        XCTAssertEqual(event["exit.code"] as? Int, 3)
        XCTAssertEqual(event["lock.holder.pid"] as? Int, Int(holder.run.pid))
        XCTAssertEqual(event["lock.path"] as? String, holder.lockPath)

        holder.resume()
        XCTAssertEqual(holder.run.finish(), 0, holder.run.stderr)
    }

    func testLockOfAKilledRunDoesNotBlockTheNext() throws {
        let holder = try LockHoldingRun(output: output, scratch: scratch)
        kill(holder.run.pid, SIGKILL)
        XCTAssertEqual(holder.run.finish(), SIGKILL)
        // The killed run's record is still in the file; only the kernel's lock is gone.
        XCTAssertEqual(RunLock.holder(at: holder.lockPath)?.pid, holder.run.pid)

        let next = try XiezuoProcess.run(["run", "--input", "seeds", "--output", output.path, "--log-format", "json"])
        XCTAssertEqual(next.status, 0, next.stderr)
        XCTAssertFalse(next.stderr.contains("waiting for the lock"), next.stderr)
        XCTAssertNotEqual(RunLock.holder(at: holder.lockPath)?.pid, holder.run.pid)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(".xiezuo-staging") }
        XCTAssertEqual(leftovers, [])
    }

    func testWaitBlocksUntilTheRunningProcessEndsThenRuns() throws {
        let holder = try LockHoldingRun(output: output, scratch: scratch)
        defer { kill(holder.run.pid, SIGKILL) }
        let extra = scratch.appendingPathComponent("extra.txt")
        try FileManager.default.copyItem(
            at: XiezuoProcess.repositoryRoot.appendingPathComponent("seeds/003_4699d6883134dee7.txt"), to: extra
        )
        let waiting = try BackgroundRun(
            ["run", "--input", extra.path, "--output", output.path, "--wait", "--log-format", "json"],
            stderrFile: scratch.appendingPathComponent("waiting.log")
        )
        defer { kill(waiting.pid, SIGKILL) }
        XCTAssertTrue(BackgroundRun.eventually { waiting.stderr.contains("waiting for the lock") }, waiting.stderr)
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertTrue(waiting.process.isRunning, "the waiting run went ahead while the lock was held: \(waiting.stderr)")
        XCTAssertFalse(waiting.stderr.contains("run started"), waiting.stderr)

        holder.resume()
        XCTAssertEqual(holder.run.finish(), 0, holder.run.stderr)
        XCTAssertEqual(waiting.finish(), 0, waiting.stderr)
        let messages = LogLines.events(waiting.stderr).compactMap { $0["message"] as? String }
        XCTAssertEqual(messages.first, "waiting for the lock")
        XCTAssertEqual(messages.last, "run finished")
        let waitEvent = try XCTUnwrap(LogLines.events(waiting.stderr).first)
        XCTAssertEqual(waitEvent["lock.holder.pid"] as? Int, Int(holder.run.pid))
        // Both runs' articles are in the store: the first run's 9 from the seeds, then extra.txt.
        XCTAssertEqual(try OutputTables(directory: output).rows("documents").count, 10)
    }
}
