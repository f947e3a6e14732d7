import Foundation
import XCTest
import XiezuoCore

final class RunCommandTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("run")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func run(_ arguments: [String]) throws -> XiezuoProcess.Result {
        try XiezuoProcess.run(arguments)
    }

    func testSeedsGiveEveryTableWithItsColumns() throws {
        let result = try run(["run", "--input", "seeds", "--output", scratch.path, "--workers", "2"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let tables = OutputTables(directory: scratch)
        XCTAssertEqual(
            try tables.header("documents"),
            [
                "doc_id", "text_id", "source", "part", "title", "published", "outlet", "script", "chars", "removed_chars",
                "duplicate_of", "programme", "first_seen_run",
            ]
        )
        XCTAssertEqual(
            try tables.header("investments"),
            [
                "fact_id", "doc_id", "year", "year_basis", "region", "region_code", "province", "city", "county", "partner_region",
                "partner_region_code", "category", "amount_cny", "qualifier", "low_cny", "high_cny", "text", "evidence",
                "char_offset", "first_seen_run",
            ]
        )
        for table in ["jobs", "projects"] {
            XCTAssertEqual(
                try tables.header(table),
                [
                    "fact_id", "doc_id", "year", "year_basis", "region", "region_code", "province", "city", "county", "partner_region",
                    "partner_region_code", "category", "count", "qualifier", "low", "high", "text", "evidence", "char_offset",
                    "first_seen_run",
                ]
            )
        }
        XCTAssertEqual(
            try tables.header("summary"),
            [
                "fact_table", "category", "year", "region", "province", "city", "county", "partner_region", "programme", "facts",
                "documents", "total", "min", "max",
            ]
        )
        XCTAssertEqual(try tables.header("rejects"), ["source", "stage", "reason"])
        let documents = try tables.rows("documents")
        XCTAssertEqual(documents.filter { $0["source"] == "000_f214322e6fea6c14.txt" }.count, 3)
        XCTAssertEqual(documents.filter { $0["source"] == "004_937aca63102447a5.txt" }.count, 3)
        XCTAssertTrue(documents.allSatisfy { ($0["doc_id"] ?? "").hasPrefix("doc-") && ($0["doc_id"] ?? "").count == 20 })
        XCTAssertFalse(try tables.rows("summary").isEmpty)
        let report = try? tables.report()
        XCTAssertEqual(report?["sources"] as? Int, 5)
        XCTAssertNotNil((report?["stages"] as? [String: Any])?["extract"])
        XCTAssertTrue(result.stderr.contains("xiezuo: 5 sources (0 unchanged), 9 new articles, 9 documents, "), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent(".xiezuo-staging-1").path))
    }

    func testTablesAreByteIdenticalForOneAndFourWorkers() throws {
        let one = scratch.appendingPathComponent("one")
        let four = scratch.appendingPathComponent("four")
        XCTAssertEqual(try run(["run", "--input", "seeds", "--output", one.path, "--workers", "1"]).status, 0)
        XCTAssertEqual(try run(["run", "--input", "seeds", "--output", four.path, "--workers", "4"]).status, 0)
        for table in ["documents", "investments", "jobs", "projects", "summary", "rejects", "paragraphs"] {
            for format in OutputFormat.defaults {
                let file = OutputLayout.path(of: table, in: format)
                let left = try OutputTables(directory: one).bytes(file)
                let right = try OutputTables(directory: four).bytes(file)
                XCTAssertEqual(left, right, "\(file) differs between 1 and 4 workers")
            }
        }
    }

    func testCopiedArticleIsMarkedDuplicateAndItsFactsAreNotCounted() throws {
        let input = scratch.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let seed = XiezuoProcess.repositoryRoot.appendingPathComponent("seeds/003_4699d6883134dee7.txt")
        try FileManager.default.copyItem(at: seed, to: input.appendingPathComponent("a.txt"))
        try FileManager.default.copyItem(at: seed, to: input.appendingPathComponent("b.txt"))
        let output = scratch.appendingPathComponent("out")
        XCTAssertEqual(try run(["run", "--input", input.path, "--output", output.path]).status, 0)
        let tables = OutputTables(directory: output)
        let documents = try tables.rows("documents")
        XCTAssertEqual(documents.count, 2)
        XCTAssertEqual(documents[0]["duplicate_of"], "")
        XCTAssertEqual(documents[1]["duplicate_of"], documents[0]["doc_id"])
        let investments = try tables.rows("investments")
        XCTAssertEqual(Set(investments.map { $0["fact_id"] ?? "" }).count, investments.count)
    }

    func testBadInputsBecomeRejectsAndTheRunGoesOn() throws {
        let input = scratch.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: XiezuoProcess.repositoryRoot.appendingPathComponent("seeds/001_3a25b0911a74f829.txt"),
            to: input.appendingPathComponent("good.txt")
        )
        try Data().write(to: input.appendingPathComponent("empty.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]).write(to: input.appendingPathComponent("image.png"))
        try FileManager.default.createSymbolicLink(
            atPath: input.appendingPathComponent("gone.txt").path, withDestinationPath: "/nonexistent/xiezuo"
        )
        let output = scratch.appendingPathComponent("out")
        let result = try run(["run", "--input", input.path, "--output", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rejects = try OutputTables(directory: output).rows("rejects")
        XCTAssertEqual(rejects.map { $0["source"] ?? "" }, ["empty.txt", "gone.txt", "image.png"])
        XCTAssertTrue(rejects.allSatisfy { !($0["reason"] ?? "").isEmpty })
        XCTAssertEqual(try OutputTables(directory: output).rows("documents").count, 1)
        XCTAssertTrue(result.stderr.contains("3 rejects"), result.stderr)
    }

    func testMissingInputPathExitsTwoNamingIt() throws {
        let result = try run(["run", "--input", "/nonexistent/night", "--output", scratch.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(
            result.stderr.contains("input path /nonexistent/night does not exist; check --input or fetch.sources in pipeline.json"),
            result.stderr
        )
    }

    func testBadConfigExitsTwoNamingTheKeyPath() throws {
        let config = scratch.appendingPathComponent("pipeline.json")
        try Data(#"{"dedupe": {"enabled": "yes"}, "extract": {"tabels": []}}"#.utf8).write(to: config)
        let result = try run(["run", "--config", config.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("dedupe.enabled: expected true or false"), result.stderr)
        let validate = try run(["validate", "--config", config.path])
        XCTAssertEqual(validate.status, 2)
        XCTAssertTrue(validate.stderr.contains("invalid configuration \(config.path):"), validate.stderr)
    }

    func testMissingOpenCCConfigStopsTheRunAtStartWithExitTwo() throws {
        let config = scratch.appendingPathComponent("pipeline.json")
        try Data(#"{"clean": {"opencc_config": "/nonexistent/t2s.json"}}"#.utf8).write(to: config)
        let output = scratch.appendingPathComponent("out")
        let result = try run(["run", "--config", config.path, "--input", "seeds", "--output", output.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("clean cannot start (opencc_unavailable)"), result.stderr)
        XCTAssertFalse(OutputTables(directory: output).exists)
    }

    func testBadUsageExitsTwo() throws {
        XCTAssertEqual(try run(["run", "--workers", "0"]).status, 2)
        XCTAssertEqual(try run(["run", "--no-such-flag"]).status, 2)
    }

    func testValidateAcceptsTheShippedConfig() throws {
        let result = try run(["validate"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "pipeline.json: valid\n")
    }

    func testFailedRunLeavesThePreviousTablesIntact() throws {
        XCTAssertEqual(try run(["run", "--input", "seeds", "--output", scratch.path]).status, 0)
        let tables = OutputTables(directory: scratch)
        let before = try tables.bytes(OutputLayout.csv("investments"))
        // `current` made a real directory holding the same tables: the final switch (a rename of
        // a symlink over it) must fail.
        let current = scratch.appendingPathComponent(OutputLayout.current)
        let set = tables.tableSet
        try FileManager.default.removeItem(at: current)
        try FileManager.default.copyItem(at: set, to: current)
        let result = try run(["run", "--input", "seeds", "--output", scratch.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("the previous outputs were left as they were"), result.stderr)
        XCTAssertEqual(try tables.bytes(OutputLayout.csv("investments")), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".xiezuo-") }
        XCTAssertEqual(leftovers, [])
    }
}
