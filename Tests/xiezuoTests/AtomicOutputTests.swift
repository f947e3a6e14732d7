import Foundation
import XCTest
import XiezuoCore

/// A run killed at any moment leaves the previous complete set of tables; readers never see
/// tables of two runs at once.
final class AtomicOutputTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("atomic")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Every file of the set `current` points at, by its path in the set; `run.json` (timings,
    /// timestamps) only when `withReport`.
    private func tables(_ output: URL, withReport: Bool = false) throws -> [String: Data] {
        let set = OutputTables(directory: output).tableSet
        var files: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: set.path)?.allObjects ?? [] {
            let url = set.appendingPathComponent(relative)
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            if relative == OutputLayout.runReport && !withReport { continue }
            files[relative] = try Data(contentsOf: url)
        }
        return files
    }

    /// A corpus big enough that a debug build spends a few seconds on it: the seeds many times
    /// over, each copy altered so that none is a duplicate.
    private func largeInput() throws -> URL {
        let input = scratch.appendingPathComponent("big")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let seeds = XiezuoProcess.repositoryRoot.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted()
        for copy in 0..<300 {
            for name in names {
                var text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
                text += "\n\n本批次编号\(copy)为测试语料，广州市第\(copy)批次协作项目资金\(copy + 1)万元已到位。\n"
                try Data(text.utf8).write(to: input.appendingPathComponent("\(copy)-\(name)"))
            }
        }
        return input
    }

    func testSIGKILLWhileWritingLeavesThePreviousTables() throws {
        let output = scratch.appendingPathComponent("out")
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", "seeds", "--output", output.path]).status, 0)
        let before = try tables(output, withReport: true)
        XCTAssertEqual(before.count, 16, "\(before.keys.sorted())")

        let input = try largeInput()
        // Kill at several moments: early, while the store is written, and as late as we can catch it.
        for delay in [0.2, 1.0, 2.5] {
            let process = Process()
            process.executableURL = XiezuoProcess.binary
            process.arguments = ["run", "--input", input.path, "--output", output.path, "--workers", "2"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            guard wasRunning else { continue }
            XCTAssertEqual(try tables(output, withReport: true), before, "after a kill at \(delay) s")
        }
        // The next run clears the killed runs' staging directories and replaces the tables.
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", "seeds", "--output", output.path]).status, 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(".xiezuo-") }
        XCTAssertEqual(leftovers, [])
    }

    /// strace, which kills the run at the Nth call of a system call; nil when it is not
    /// installed (the test then skips, except under CI, where `.ci/run` installs it).
    static var strace: URL? {
        ["/usr/bin/strace", "/bin/strace"].map(URL.init(fileURLWithPath:)).first {
            FileManager.default.isExecutableFile(atPath: $0.path)
        }
    }

    static func requireStrace() throws -> URL {
        if let strace { return strace }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            XCTFail("strace is not installed; .ci/run installs it")
        }
        throw XCTSkip("strace is not installed")
    }

    /// Runs xiezuo under strace, killed with SIGKILL at the `count`th call of `calls`; returns
    /// whether it was killed (false: it finished before reaching that call).
    static func runKilled(at count: Int, of calls: String, strace: URL, _ arguments: [String]) throws -> Bool {
        let result = try XiezuoProcess.run(
            strace,
            ["-f", "-qq", "-o", "/dev/null", "-e", "trace=\(calls)", "-e", "inject=\(calls):signal=SIGKILL:when=\(count)",
             XiezuoProcess.binary.path] + arguments)
        if result.status == 0 { return false }
        // strace ends itself with the signal that killed the run.
        XCTAssertEqual(result.status, SIGKILL, result.stderr)
        return true
    }

    /// Kills the run at every rename(2) and symlink(2) it makes — the staged files, the move of
    /// the set under runs/, the new link and the switch of `current` — and checks each time
    /// that `current` shows one whole set: all of the previous night's tables with its
    /// run.json, or all of the new night's with its own. The next run then publishes the
    /// new night's tables and leaves nothing behind.
    func testKillingTheSwitchAtEveryStepLeavesOneWholeSet() throws {
        let strace = try Self.requireStrace()
        let night2 = scratch.appendingPathComponent("night2")
        try FileManager.default.createDirectory(at: night2, withIntermediateDirectories: true)
        let seeds = XiezuoProcess.repositoryRoot.appendingPathComponent("seeds")
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) {
            try FileManager.default.copyItem(at: seeds.appendingPathComponent(name), to: night2.appendingPathComponent(name))
        }
        let dev = XiezuoProcess.repositoryRoot.appendingPathComponent("Tests/xiezuoTests/Fixtures/dev/inputs")
        for name in ["dev_01.html", "dev_02.txt", "dev_03.txt"] {
            try FileManager.default.copyItem(at: dev.appendingPathComponent(name), to: night2.appendingPathComponent(name))
        }
        let base = scratch.appendingPathComponent("base")
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", "seeds", "--output", base.path]).status, 0)
        let reference = scratch.appendingPathComponent("reference")
        let firstNight = try tables(base)
        let trial = scratch.appendingPathComponent("trial")
        try FileManager.default.copyItem(at: base, to: reference)
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", night2.path, "--output", reference.path]).status, 0)
        let secondNight = try tables(reference)
        XCTAssertNotEqual(firstNight, secondNight)

        for calls in ["rename", "symlink"] {
            var count = 1
            while true {
                try? FileManager.default.removeItem(at: trial)
                try FileManager.default.copyItem(at: base, to: trial)
                let killed = try Self.runKilled(
                    at: count, of: calls, strace: strace, ["run", "--input", night2.path, "--output", trial.path, "--workers", "2"])
                let seen = try tables(trial)
                let runID = try OutputTables(directory: trial).report()["run_id"] as? Int
                if seen == firstNight {
                    XCTAssertTrue(killed, "\(calls) #\(count): finished without switching")
                    XCTAssertEqual(runID, 1, "\(calls) #\(count): run.json of another set")
                } else {
                    XCTAssertEqual(seen, secondNight, "\(calls) #\(count): a mixed set")
                    XCTAssertEqual(runID, 2, "\(calls) #\(count): run.json of another set")
                }
                guard killed else { break }
                let next = try XiezuoProcess.run(["run", "--input", night2.path, "--output", trial.path])
                XCTAssertEqual(next.status, 0, next.stderr)
                XCTAssertEqual(try tables(trial), secondNight, "the run after a kill at \(calls) #\(count)")
                let leftovers = try FileManager.default.contentsOfDirectory(atPath: trial.path).filter { $0.hasPrefix(".xiezuo-") }
                XCTAssertEqual(leftovers, [], "after a kill at \(calls) #\(count)")
                XCTAssertLessThanOrEqual(
                    try FileManager.default.contentsOfDirectory(atPath: trial.appendingPathComponent(OutputLayout.runs).path).count, 2)
                count += 1
                XCTAssertLessThan(count, 40, "more renames than expected")
                if count >= 40 { break }
            }
            XCTAssertGreaterThan(count, 1, "\(calls): never called")
        }
    }
}
