import Foundation
import XCTest

/// A run killed at any moment leaves the previous complete set of tables.
final class AtomicOutputTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("atomic")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private let tableFiles = [
        "documents.csv", "investments.csv", "jobs.csv", "projects.csv", "summary.csv", "rejects.csv", "documents.parquet",
        "investments.parquet", "jobs.parquet", "projects.parquet", "summary.parquet", "rejects.parquet", "paragraphs.csv",
        "paragraphs.parquet", "datapackage.json",
    ]

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
        var before: [String: Data] = [:]
        for file in tableFiles { before[file] = try Data(contentsOf: output.appendingPathComponent(file)) }

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
            for file in tableFiles {
                XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent(file)), before[file], "\(file) after a kill at \(delay) s")
            }
        }
        // The next run clears the killed runs' staging directories and replaces the tables.
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", "seeds", "--output", output.path]).status, 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(".xiezuo-staging") }
        XCTAssertEqual(leftovers, [])
    }
}
