import Foundation
import XCTest

@testable import XiezuoCore

/// Dedupe across nights: the store remembers every article, unchanged sources are skipped,
/// and the tables always hold the whole history.
final class HistoryTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("history")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private let tables = ["documents", "investments", "jobs", "projects", "summary", "rejects", "paragraphs"]

    private func seeds() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: XiezuoProcess.repositoryRoot.appendingPathComponent("seeds").path).sorted()
    }

    private func copy(_ names: [String], into directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(
                at: XiezuoProcess.repositoryRoot.appendingPathComponent("seeds/\(name)"), to: directory.appendingPathComponent(name)
            )
        }
    }

    private func report(_ output: URL) throws -> [String: Any] {
        try OutputTables(directory: output).report()
    }

    /// The rows of `table` without the lineage column, which says which night added a row.
    private func rowsWithoutLineage(_ table: String, in output: URL) throws -> [[String: String]] {
        try OutputTables(directory: output).rows(table).map { $0.filter { $0.key != "first_seen_run" } }
    }

    func testTwoNightsGiveTheTablesOfOneRunAndSkipUnchangedSources() throws {
        let all = try seeds()
        let nightly = scratch.appendingPathComponent("nightly")
        try copy(Array(all.prefix(2)), into: nightly)
        let output = scratch.appendingPathComponent("out")
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", nightly.path, "--output", output.path]).status, 0)
        try copy(Array(all.dropFirst(2)), into: nightly)
        let second = try XiezuoProcess.run(["run", "--input", nightly.path, "--output", output.path])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(try report(output)["unchanged"] as? Int, 2)
        XCTAssertTrue(second.stderr.contains("5 sources (2 unchanged)"), second.stderr)

        let single = scratch.appendingPathComponent("single")
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", "seeds", "--output", single.path]).status, 0)
        // The same tables as one run over all inputs, but for which night first stored each row.
        for table in tables {
            XCTAssertEqual(try rowsWithoutLineage(table, in: output), try rowsWithoutLineage(table, in: single), "\(table) after two nights")
        }
        for table in ["summary", "rejects", "paragraphs"] {
            let file = OutputLayout.csv(table)
            XCTAssertEqual(try OutputTables(directory: output).bytes(file), try OutputTables(directory: single).bytes(file), file)
        }
        for table in ["documents", "investments", "jobs", "projects"] {
            let rows = try OutputTables(directory: output).rows(table)
            let sources = Dictionary(
                try OutputTables(directory: output).rows("documents").map { ($0["doc_id"] ?? "", $0["source"] ?? "") },
                uniquingKeysWith: { first, _ in first })
            for row in rows {
                let night = all.prefix(2).contains(sources[row["doc_id"] ?? ""] ?? "") ? "1" : "2"
                XCTAssertEqual(row["first_seen_run"], night, "\(table) \(row)")
            }
        }
        XCTAssertEqual(try report(output)["run_id"] as? Int, 2)
        XCTAssertEqual(try report(output)["previous_run_id"] as? Int, 1)
    }

    func testAStoryRepublishedOnALaterNightIsADuplicateAndCountsOnce() throws {
        let first = scratch.appendingPathComponent("first")
        try copy(["003_4699d6883134dee7.txt"], into: first)
        let output = scratch.appendingPathComponent("out")
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", first.path, "--output", output.path]).status, 0)
        let investmentsBefore = try OutputTables(directory: output).rows("investments").count

        // Another site's copy: other boilerplate, a body paragraph dropped, two paragraphs swapped.
        let original = try String(
            contentsOf: XiezuoProcess.repositoryRoot.appendingPathComponent("seeds/003_4699d6883134dee7.txt"), encoding: .utf8
        )
        var paragraphs = original.components(separatedBy: "\n\n")
        paragraphs.remove(at: 14)
        paragraphs.swapAt(16, 17)
        let republished = "首页 > 新闻中心 > 区域合作\n\n" + paragraphs.joined(separator: "\n\n") + "\n\n责任编辑：王某\n\n版权所有 转载请注明出处"
        let second = scratch.appendingPathComponent("second")
        try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
        try Data(republished.utf8).write(to: second.appendingPathComponent("republished.txt"))
        let run = try XiezuoProcess.run(["run", "--input", second.path, "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)

        let documents = try OutputTables(directory: output).rows("documents")
        XCTAssertEqual(documents.count, 2)
        let kept = documents.first { $0["source"] == "003_4699d6883134dee7.txt" }
        let copy = documents.first { $0["source"] == "republished.txt" }
        XCTAssertEqual(kept?["duplicate_of"], "")
        XCTAssertEqual(copy?["duplicate_of"], kept?["doc_id"])
        XCTAssertEqual(try OutputTables(directory: output).rows("investments").count, investmentsBefore)
        XCTAssertEqual(try report(output)["duplicates"] as? Int, 1)
    }

    func testATraditionalCopyOfASimplifiedStoryIsADuplicate() throws {
        let input = scratch.appendingPathComponent("in")
        try copy(["001_3a25b0911a74f829.txt"], into: input)
        let simplified = try String(
            contentsOf: XiezuoProcess.repositoryRoot.appendingPathComponent("seeds/001_3a25b0911a74f829.txt"), encoding: .utf8
        )
        let traditional = try OpenCC(configuration: "s2t.json").convert(simplified)
        XCTAssertNotEqual(traditional, simplified)
        try Data(("台灣轉載\n\n" + traditional).utf8).write(to: input.appendingPathComponent("traditional-copy.txt"))
        let output = scratch.appendingPathComponent("out")
        let run = try XiezuoProcess.run(["run", "--input", input.path, "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let documents = try OutputTables(directory: output).rows("documents")
        XCTAssertEqual(documents.count, 2)
        XCTAssertEqual(Set(documents.map { $0["script"] ?? "" }), ["hans", "hant"])
        XCTAssertEqual(documents.filter { !($0["duplicate_of"] ?? "").isEmpty }.count, 1, "\(documents)")
        XCTAssertEqual(try report(output)["duplicates"] as? Int, 1)
    }

    func testRunScopeKeepsNoStore() throws {
        let config = scratch.appendingPathComponent("pipeline.json")
        try Data(#"{"dedupe": {"scope": "run"}}"#.utf8).write(to: config)
        let output = scratch.appendingPathComponent("out")
        let run = try XiezuoProcess.run(["run", "--config", config.path, "--input", "seeds", "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path)
        XCTAssertFalse(files.contains { $0.hasSuffix(".sqlite") }, "\(files)")
        XCTAssertEqual(try OutputTables(directory: output).rows("documents").count, 9)
    }
}
