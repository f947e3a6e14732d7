import Foundation
import XCTest
import XiezuoCore

/// The recipes of README.md, "Opening the outputs", run as written against a real run's output
/// directory, with the counts they must give. The input holds an identical copy of one page, so
/// a join on a key that copies share would multiply rows.
final class ReadmeRecipeTests: XCTestCase {
    private var workdir: URL!

    /// `workdir/output` holds the tables of the seeds and a copy of one of them.
    override func setUpWithError() throws {
        workdir = try XiezuoProcess.temporaryDirectory("recipes")
        let input = workdir.appendingPathComponent("in")
        let seeds = XiezuoProcess.repositoryRoot.appendingPathComponent("seeds")
        try FileManager.default.copyItem(at: seeds, to: input)
        try FileManager.default.copyItem(
            at: seeds.appendingPathComponent("003_4699d6883134dee7.txt"), to: input.appendingPathComponent("copy-of-003.txt"))
        let run = try XiezuoProcess.run(["run", "--input", input.path, "--output", workdir.appendingPathComponent("output").path])
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workdir)
    }

    private func recipe(_ name: String, python: URL = PythonReaders.interpreter) throws -> [String: Any] {
        let readme = XiezuoProcess.repositoryRoot.appendingPathComponent("README.md").path
        let result = try XiezuoProcess.run(python, [PythonReaders.script("run_recipe.py"), readme, name, workdir.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        // The recipe may print (Spark's show()); the checks are the last line.
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any], result.stdout)
    }

    private func tables() throws -> OutputTables {
        OutputTables(directory: workdir.appendingPathComponent("output"))
    }

    func testDuckDBQueriesGiveTheRightCounts() throws {
        let results = try XCTUnwrap(try recipe("duckdb")["results"] as? [[[String]]])
        XCTAssertEqual(results.count, 3)
        let investments = try tables().rows("investments")
        XCTAssertGreaterThan(investments.count, 10)
        // By region and category: every figure counted once.
        XCTAssertEqual(results[0].compactMap { Int($0[3]) }.reduce(0, +), investments.count)
        // The join: one row per 2024 figure, none doubled by the identical copy.
        XCTAssertEqual(results[1].count, investments.filter { $0["year"] == "2024" }.count)
        XCTAssertGreaterThan(results[1].count, 0)
        // The latest run added every figure of a first run.
        XCTAssertEqual(results[2].count, investments.count)
    }

    func testPandasReadsExactAmountsAndIntegerYears() throws {
        let result = try recipe("pandas")
        let investments = try tables().rows("investments")
        XCTAssertEqual(result["rows"] as? Int, investments.count)
        XCTAssertEqual(result["joined"] as? Int, investments.count)
        XCTAssertEqual(result["amount_cny"] as? String, "decimal128(18, 2)[pyarrow]")
        XCTAssertEqual(result["year"] as? String, "int32[pyarrow]")
        XCTAssertEqual(result["regions"] as? Int, Set(investments.map { $0["region"] ?? "" }.filter { !$0.isEmpty }).count)
    }

    /// PySpark and Java: .ci/run installs both; elsewhere the test skips without them.
    /// `XIEZUO_SPARK_PYTHON` names another interpreter that has PySpark.
    func testSparkReadsOneDirectoryPerTable() throws {
        var python = PythonReaders.interpreter
        if let other = ProcessInfo.processInfo.environment["XIEZUO_SPARK_PYTHON"] { python = URL(fileURLWithPath: other) }
        let probe = try XiezuoProcess.run(python, ["-c", "import pyspark"])
        let java = try XiezuoProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["java", "-version"])
        if probe.status != 0 || java.status != 0 {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("PySpark or Java is missing; .ci/run installs them") }
            throw XCTSkip("PySpark or Java is not installed")
        }
        let result = try recipe("spark", python: python)
        let investments = try tables().rows("investments")
        XCTAssertEqual(result["rows"] as? Int, investments.count)
        XCTAssertEqual(result["joined"] as? Int, investments.count)
        XCTAssertEqual(result["documents"] as? Int, try tables().rows("documents").count)
    }
}
