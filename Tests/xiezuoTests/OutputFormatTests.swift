import Foundation
import XCTest
import XiezuoCore

/// The outputs as analysts' tools read them: Parquet through pyarrow and DuckDB, the data
/// package through frictionless, Excel-mode CSV through Python's and DuckDB's CSV readers.
final class OutputFormatTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("formats")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Seeds plus an article whose fields carry commas, quotes and (in a rejected file's
    /// name) a line break, so that quoting is exercised in every format.
    private func hardInput() throws -> URL {
        let input = scratch.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for seed in try FileManager.default.contentsOfDirectory(atPath: XiezuoProcess.repositoryRoot.appendingPathComponent("seeds").path) {
            try FileManager.default.copyItem(
                at: XiezuoProcess.repositoryRoot.appendingPathComponent("seeds/\(seed)"), to: input.appendingPathComponent(seed)
            )
        }
        let article = """
            三都县引进企业建设"孵化基地"

            2024年,广州市黄埔区在三都县投资3100万元,建设"移民后续就业孵化基地",吸纳140余名群众就业,带动周边村民增收,为当地发展注入新动能。

            该基地由东西部协作资金支持建设,目前已有8家企业入驻,创造岗位近千个,群众实现家门口就业。
            """
        try Data(article.utf8).write(to: input.appendingPathComponent("zz-quotes.txt"))
        try Data().write(to: input.appendingPathComponent("line\nbreak, \"quoted\".txt"))
        return input
    }

    func testParquetAgreesWithCSVInPyarrowAndDuckDB() throws {
        let output = scratch.appendingPathComponent("out")
        let run = try XiezuoProcess.run(["run", "--input", try hardInput().path, "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let check = try PythonReaders.run([PythonReaders.script("check_outputs.py"), output.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        for table in ["documents", "investments", "jobs", "projects", "summary", "rejects", "paragraphs"] {
            XCTAssertTrue(check.stdout.contains("\(table): "), check.stdout)
        }
    }

    func testDataPackageValidatesWithFrictionless() throws {
        let output = scratch.appendingPathComponent("out")
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", try hardInput().path, "--output", output.path]).status, 0)
        let frictionless = PythonReaders.interpreter.deletingLastPathComponent().appendingPathComponent("frictionless").path
        let validate = try PythonReaders.run([
            "-c", "import sys, frictionless; report = frictionless.validate(sys.argv[1]); print(report.valid); "
                + "[print(error.message) for task in report.tasks for error in task.errors]",
            OutputTables(directory: output).dataPackage.path,
        ])
        XCTAssertEqual(validate.stdout.split(separator: "\n").first, "True", validate.stdout + validate.stderr + frictionless)
        let package = try JSONSerialization.jsonObject(with: Data(contentsOf: OutputTables(directory: output).dataPackage))
        let resources = (package as? [String: Any])?["resources"] as? [[String: Any]] ?? []
        XCTAssertEqual(resources.map { $0["name"] as? String ?? "" }, ["documents", "investments", "jobs", "projects", "summary", "rejects", "paragraphs"])
        let investments = resources.first { $0["name"] as? String == "investments" }?["schema"] as? [String: Any]
        XCTAssertEqual(investments?["primaryKey"] as? [String], ["fact_id"])
        let fields = investments?["fields"] as? [[String: Any]] ?? []
        XCTAssertEqual(fields.first { $0["name"] as? String == "amount_cny" }?["type"] as? String, "number")
        XCTAssertEqual(fields.first { $0["name"] as? String == "year" }?["type"] as? String, "integer")
    }

    func testExcelModeWritesByteOrderMarkAndCRLFAndFieldsRoundTrip() throws {
        let config = scratch.appendingPathComponent("pipeline.json")
        try Data(#"{"output": {"excel": true, "formats": ["csv"]}}"#.utf8).write(to: config)
        let output = scratch.appendingPathComponent("out")
        let run = try XiezuoProcess.run(["run", "--config", config.path, "--input", try hardInput().path, "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: OutputTables(directory: output).parquet("investments").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: OutputTables(directory: output).tableSet.appendingPathComponent("parquet").path))
        let bytes = [UInt8](try OutputTables(directory: output).bytes(OutputLayout.csv("investments")))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("\"fact_id\",\"doc_id\""))
        // Every line feed is part of a CRLF (none of these fields holds a line break).
        let lineFeeds = bytes.indices.filter { bytes[$0] == 10 }
        XCTAssertFalse(lineFeeds.isEmpty)
        XCTAssertTrue(lineFeeds.allSatisfy { $0 > 0 && bytes[$0 - 1] == 13 })
        for table in ["investments", "rejects"] {
            let path = OutputTables(directory: output).csv(table).path
            let read = try PythonReaders.run([PythonReaders.script("read_csv_back.py"), path])
            XCTAssertEqual(read.status, 0, read.stderr)
            let decoded = try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: [[String]]]
            let mine = try CSVReader.records(atPath: path).dropFirst().map { $0.map { $0 ?? "" } }
            XCTAssertEqual(decoded?["python"], Array(mine), table)
            XCTAssertEqual(decoded?["duckdb"], Array(mine), table)
        }
        let evidence = try OutputTables(directory: output).rows("investments").map { $0["evidence"] ?? "" }
        XCTAssertTrue(evidence.contains { $0.contains(",") && $0.contains("\"") }, "\(evidence)")
        let rejects = try OutputTables(directory: output).rows("rejects").map { $0["source"] ?? "" }
        XCTAssertEqual(rejects, ["line\nbreak, \"quoted\".txt"])
    }
}
