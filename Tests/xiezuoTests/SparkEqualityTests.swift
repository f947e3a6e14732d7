import Foundation
import XCTest

/// The Spark job (`spark/xiezuo_spark.py`) gives the tables of `xiezuo run --workers 2` with
/// `dedupe.scope: "run"`: the same CSV bytes, the same Parquet rows and types, the same counts
/// in run.json and the same datapackage.json (README, "Spark"). Once in `local[2]`, once on a
/// standalone cluster on 127.0.0.1 that the test starts (a master and two workers, each with
/// its own work directory) and stops, whose executors get xiezuo through `--archives`.
///
/// PySpark and Java: .ci/run installs both; elsewhere the tests skip without them (and fail
/// under `CI=true`). `XIEZUO_SPARK_CORPUS_MB` sets the generated corpus (default 20).
final class SparkEqualityTests: XCTestCase {
    private var workdir: URL!

    override func setUpWithError() throws {
        workdir = try XiezuoProcess.temporaryDirectory("spark")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workdir)
    }

    private func requireSpark() throws {
        let probe = try XiezuoProcess.run(PythonReaders.interpreter, ["-c", "import pyspark, pyarrow"])
        let java = try XiezuoProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["java", "-version"])
        if probe.status != 0 || java.status != 0 {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("PySpark or Java is missing; .ci/run installs them") }
            throw XCTSkip("PySpark or Java is not installed")
        }
    }

    private var devInputs: String {
        XiezuoProcess.repositoryRoot.appendingPathComponent("Tests/xiezuoTests/Fixtures/dev/inputs").path
    }

    private var seeds: String { XiezuoProcess.repositoryRoot.appendingPathComponent("seeds").path }

    /// A generated corpus (bench/generate_corpus.py, seed 1) of `XIEZUO_SPARK_CORPUS_MB` MB.
    private func corpus() throws -> String {
        let megabytes = ProcessInfo.processInfo.environment["XIEZUO_SPARK_CORPUS_MB"] ?? "20"
        let out = workdir.appendingPathComponent("corpus")
        let generator = XiezuoProcess.repositoryRoot.appendingPathComponent("bench/generate_corpus.py").path
        let result = try XiezuoProcess.run(PythonReaders.interpreter, [generator, "--size-mb", megabytes, "--seed", "1", "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return out.appendingPathComponent("corpus").path
    }

    /// Runs the comparison and returns its report; every difference fails the test.
    private func compare(_ inputs: [String], cluster: Bool) throws -> [String: Any] {
        var arguments = [
            PythonReaders.script("spark_equality.py"), "--xiezuo", XiezuoProcess.binary.path, "--workdir",
            workdir.appendingPathComponent(cluster ? "cluster" : "local").path,
        ]
        for input in inputs { arguments += ["--input", input] }
        if cluster { arguments.append("--cluster") }
        let result = try XiezuoProcess.run(PythonReaders.interpreter, arguments)
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let report = try XCTUnwrap(
            try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any], "no report: \(result.stdout)\n\(result.stderr.suffix(4000))")
        XCTAssertEqual(report["problems"] as? [String], [], "\(report)")
        XCTAssertEqual(result.status, 0, "\(report)")
        return report
    }

    func testLocalModeGivesRunsTablesOnTheSeedsTheDevelopmentSetAndAGeneratedCorpus() throws {
        try requireSpark()
        let report = try compare([seeds, devInputs, try corpus()], cluster: false)
        let rows = try XCTUnwrap(report["rows"] as? [String: Int])
        // The inputs hold copies: dedupe must have had work to do, and facts to keep.
        XCTAssertGreaterThan(report["duplicates"] as? Int ?? 0, 100)
        XCTAssertGreaterThan(rows["investments"] ?? 0, 1000)
    }

    func testStandaloneClusterGivesRunsTables() throws {
        try requireSpark()
        let report = try compare([seeds, devInputs], cluster: true)
        XCTAssertGreaterThan(report["duplicates"] as? Int ?? 0, 0)
        // The workers' executors ran in their own work directories, with the bundle unpacked there.
        let workers = workdir.appendingPathComponent("cluster")
        for worker in ["worker-0", "worker-1"] {
            let unpacked = try FileManager.default.subpathsOfDirectory(atPath: workers.appendingPathComponent(worker).path)
                .filter { $0.hasSuffix("xiezuo-bundle/bin/xiezuo") }
            XCTAssertFalse(unpacked.isEmpty, "\(worker) ran no executor with the bundle")
        }
    }

    /// The job's copy of dedupe's bucket sizes must be dedupe's.
    func testTheSparkJobUsesDedupesBucketRules() throws {
        let root = XiezuoProcess.repositoryRoot
        let job = try String(contentsOf: root.appendingPathComponent("spark/xiezuo_spark.py"), encoding: .utf8)
        let pairs = try String(
            contentsOf: root.appendingPathComponent("Sources/XiezuoCore/Stages/Dedupe/CandidatePairs.swift"), encoding: .utf8)
        let stage = try String(contentsOf: root.appendingPathComponent("Sources/XiezuoCore/Stages/Dedupe/DedupeStage.swift"), encoding: .utf8)
        XCTAssertTrue(pairs.contains("static let fullRun = 32") && job.contains("FULL_RUN = 32"))
        XCTAssertTrue(pairs.contains("static let crowdPartners = 8") && job.contains("CROWD_PARTNERS = 8"))
        XCTAssertTrue(stage.contains("static let valuePassBytes = 16 << 20") && job.contains("PASS_BYTES = 16 << 20"))
        XCTAssertTrue(pairs.contains("var key: UInt64") && pairs.contains("var figures: UInt32") && pairs.contains("var rank: UInt32"))
        XCTAssertTrue(job.contains("ENTRY_BYTES = 16"))
    }
}
