import Foundation
import XCTest

/// A source's name is its path relative to the directory of `pipeline.json`, or absolute when
/// it lies outside it, whichever way the path was given: files with the same name under two
/// input roots are two sources, and a crawl laid out by date keeps every night.
final class SourceIdentityTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("identity")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private let tables = ["documents", "investments", "jobs", "projects", "summary", "rejects", "paragraphs"]

    /// A table's rows less `first_seen_run`, the one column that tells the nights apart.
    private func rowsWithoutLineage(_ table: String, in output: URL) throws -> [[String: String]] {
        try OutputTables(directory: output).rows(table).map { $0.filter { $0.key != "first_seen_run" } }
    }

    private func place(_ seed: String, at relative: String) throws {
        let target = scratch.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: XiezuoProcess.repositoryRoot.appendingPathComponent("seeds/\(seed)"), to: target)
    }

    /// A `pipeline.json` with `json` in `directory` (under the scratch directory).
    private func config(in directory: String, _ json: String = "{}") throws -> String {
        let folder = scratch.appendingPathComponent(directory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("pipeline.json")
        try Data(json.utf8).write(to: file)
        return file.path
    }

    private func run(_ arguments: [String], in directory: URL = XiezuoProcess.repositoryRoot) throws -> XiezuoProcess.Result {
        let result = try XiezuoProcess.run(["run"] + arguments, in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    private func ids(_ table: String, in output: URL) throws -> Set<String> {
        Set(try OutputTables(directory: output).rows(table).map { $0[table == "documents" ? "doc_id" : "fact_id"] ?? "" })
    }

    private func report(_ output: URL) throws -> [String: Any] {
        try OutputTables(directory: output).report()
    }

    func testFilesWithTheSameNameUnderTwoRootsAreTwoSources() throws {
        try place("003_4699d6883134dee7.txt", at: "d1/page1.txt")
        try place("001_3a25b0911a74f829.txt", at: "d2/page1.txt")
        // The configuration lives elsewhere, so the names are absolute paths.
        let config = try config(in: "etc")
        let d1 = scratch.appendingPathComponent("d1").path
        let d2 = scratch.appendingPathComponent("d2").path
        let alone1 = scratch.appendingPathComponent("alone1")
        let alone2 = scratch.appendingPathComponent("alone2")
        _ = try run(["--config", config, "--input", d1, "--output", alone1.path])
        _ = try run(["--config", config, "--input", d2, "--output", alone2.path])

        for (form, inputs) in [("directories", [d1, d2]), ("files", [d1 + "/page1.txt", d2 + "/page1.txt"])] {
            let output = scratch.appendingPathComponent("both-\(form)")
            let result = try run(["--config", config, "--input"] + inputs + ["--output", output.path])
            XCTAssertTrue(result.stderr.contains("xiezuo: 2 sources (0 unchanged), 2 new articles, 2 documents"), result.stderr)
            let sources = try OutputTables(directory: output).rows("documents").map { $0["source"] ?? "" }
            XCTAssertEqual(Set(sources), [d1 + "/page1.txt", d2 + "/page1.txt"], form)
            for table in ["documents", "investments", "jobs", "projects"] {
                let union = try ids(table, in: alone1).union(try ids(table, in: alone2))
                XCTAssertFalse(union.isEmpty, table)
                XCTAssertEqual(try ids(table, in: output), union, "\(table) with two \(form) holding page1.txt")
            }
        }
    }

    func testACrawlLaidOutByDateKeepsEveryNightInTheHistory() throws {
        try place("003_4699d6883134dee7.txt", at: "crawl/2026-12-01/page001.html")
        try place("001_3a25b0911a74f829.txt", at: "crawl/2026-12-02/page001.html")
        let config = try config(in: ".")
        let nightly = scratch.appendingPathComponent("out")
        for night in ["2026-12-01", "2026-12-02"] {
            _ = try run(["--config", config, "--input", scratch.appendingPathComponent("crawl/\(night)").path, "--output", nightly.path])
        }
        let sources = try OutputTables(directory: nightly).rows("documents").map { $0["source"] ?? "" }
        XCTAssertEqual(Set(sources), ["crawl/2026-12-01/page001.html", "crawl/2026-12-02/page001.html"])

        // Two nights give the tables of one run over the whole crawl, but for the night that
        // first stored each row.
        let whole = scratch.appendingPathComponent("whole")
        _ = try run(["--config", config, "--input", scratch.appendingPathComponent("crawl").path, "--output", whole.path])
        for table in tables {
            XCTAssertEqual(try rowsWithoutLineage(table, in: nightly), try rowsWithoutLineage(table, in: whole), "\(table) after two nights")
        }
    }

    func testASourceKeepsItsNameWhateverTheWorkingDirectoryAndHowItIsNamed() throws {
        try place("003_4699d6883134dee7.txt", at: "crawl/2026-12-01/page001.html")
        try place("001_3a25b0911a74f829.txt", at: "crawl/2026-12-02/page001.html")
        let config = try config(in: ".", #"{"fetch": {"sources": ["crawl/2026-12-01"]}, "output": {"directory": "out"}}"#)
        let output = scratch.appendingPathComponent("out")
        // From the configuration's sources, run from the repository.
        _ = try run(["--config", config])
        // By a path relative to the working directory, with a detour.
        let second = try run(["--config", config, "--input", "./crawl/../crawl/2026-12-01/", "crawl/2026-12-02"], in: scratch)
        XCTAssertEqual(try report(output)["unchanged"] as? Int, 1, second.stderr)
        // By absolute paths, from the root directory.
        _ = try run(["--config", config, "--input", scratch.appendingPathComponent("crawl").path], in: URL(fileURLWithPath: "/"))
        XCTAssertEqual(try report(output)["unchanged"] as? Int, 2)
        XCTAssertEqual(try OutputTables(directory: output).rows("documents").count, 2)
    }
}
