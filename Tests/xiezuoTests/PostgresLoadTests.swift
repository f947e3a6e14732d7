import Foundation
import XCTest
import XiezuoCore

/// `output.postgres` against a real PostgreSQL server (`PostgresServer`): two nights and a
/// third, typed tables with keys, the views analysts use, a query holding the views while the
/// next night swaps in, a load refused for want of privilege, the server stopped mid-load, and
/// the password from the environment. Skipped where PostgreSQL is not installed, except under CI.
final class PostgresLoadTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("postgres")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private var output: URL { scratch.appendingPathComponent("out") }

    /// A night over the first `seeds` seed files, loading into `connection`.
    private func night(seeds count: Int, connection: String, environment: [String] = []) throws -> XiezuoProcess.Result {
        let input = scratch.appendingPathComponent("in")
        try? FileManager.default.removeItem(at: input)
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let seeds = XiezuoProcess.repositoryRoot.appendingPathComponent("seeds")
        for seed in try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted().prefix(count) {
            try FileManager.default.copyItem(at: seeds.appendingPathComponent(seed), to: input.appendingPathComponent(seed))
        }
        let config = scratch.appendingPathComponent("pipeline.json")
        let settings: [String: Any] = ["output": ["postgres": ["connection": connection, "schema": "xiezuo"]]]
        try JSONSerialization.data(withJSONObject: settings).write(to: config)
        let arguments = ["run", "--config", config.path, "--input", input.path, "--output", output.path]
        return try XiezuoProcess.run(URL(fileURLWithPath: "/usr/bin/env"), environment + [XiezuoProcess.binary.path] + arguments)
    }

    private var tables: OutputTables { OutputTables(directory: output) }

    private func runID() throws -> Int { try tables.report()["run_id"] as? Int ?? -1 }

    /// Every view holds the rows of the current CSV set; facts and sums agree.
    private func assertViewsMatchTheFiles(_ server: PostgresServer, file: StaticString = #filePath, line: UInt = #line) throws {
        for table in TableSchema.all.map(\.name) {
            XCTAssertEqual(try server.value("SELECT count(*) FROM xiezuo.\(table)"), String(try tables.rows(table).count), table, file: file, line: line)
        }
        XCTAssertEqual(try server.value("SELECT run_id FROM xiezuo.run"), String(try runID()), file: file, line: line)
        // Foundation's Decimal holds 38 digits: exact for these sums.
        let sum = try tables.rows("investments").compactMap { Decimal(string: $0["amount_cny"] ?? "") }.reduce(Decimal(0), +)
        let loaded = try server.value("SELECT coalesce(sum(value), 0)::text FROM xiezuo.facts WHERE fact_table = 'investments'")
        XCTAssertEqual(Decimal(string: loaded), sum, file: file, line: line)
        let facts = try ["investments", "jobs", "projects"].map { try tables.rows($0).count }.reduce(0, +)
        XCTAssertEqual(try server.value("SELECT count(*) FROM xiezuo.facts"), String(facts), file: file, line: line)
    }

    func testNightsLoadTypedTablesWithKeysAndViewsAndReplaceEachOther() throws {
        let server = try PostgresServer(in: scratch)
        var run = try night(seeds: 2, connection: server.connection())
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("tables loaded"), run.stderr)
        try assertViewsMatchTheFiles(server)
        let first = try server.value("SELECT table_schema FROM information_schema.tables WHERE table_name = 'investments' AND table_type = 'BASE TABLE'")
        XCTAssertTrue(first.hasPrefix("xiezuo_run_1_"), first)
        let types = try server.psql(
            "SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || numeric_precision || ',' || numeric_scale || ')', '') || ' ' || is_nullable "
                + "FROM information_schema.columns WHERE table_schema = '\(first)' AND column_name IN ('amount_cny', 'year', 'published', 'count', 'doc_id') ORDER BY 1")
        XCTAssertEqual(types, [
            "documents.doc_id text NO", "documents.published date YES", "investments.amount_cny numeric(18,2) NO",
            "investments.doc_id text NO", "investments.year integer(32,0) YES", "jobs.count bigint(64,0) NO", "jobs.doc_id text NO",
            "jobs.year integer(32,0) YES", "paragraphs.doc_id text NO", "projects.count bigint(64,0) NO", "projects.doc_id text NO",
            "projects.year integer(32,0) YES", "summary.year integer(32,0) YES",
        ])
        let keys = try server.psql(
            "SELECT conrelid::regclass::text || ' ' || contype::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
                + "WHERE connamespace = '\(first)'::regnamespace ORDER BY 1")
        XCTAssertEqual(keys.map { $0.replacingOccurrences(of: first + ".", with: "") }, [
            "documents f FOREIGN KEY (duplicate_of) REFERENCES documents(doc_id)", "documents p PRIMARY KEY (doc_id)",
            "investments f FOREIGN KEY (doc_id) REFERENCES documents(doc_id)", "investments p PRIMARY KEY (fact_id)",
            "jobs f FOREIGN KEY (doc_id) REFERENCES documents(doc_id)", "jobs p PRIMARY KEY (fact_id)",
            "paragraphs f FOREIGN KEY (doc_id) REFERENCES documents(doc_id)", "paragraphs p PRIMARY KEY (doc_id, paragraph)",
            "projects f FOREIGN KEY (doc_id) REFERENCES documents(doc_id)", "projects p PRIMARY KEY (fact_id)",
            "run p PRIMARY KEY (run_id)",
        ])
        // An analyst's own view on the stable names survives the nights.
        try server.psql("CREATE VIEW public.money_by_region AS SELECT region, sum(value) AS yuan FROM xiezuo.facts WHERE fact_table = 'investments' GROUP BY region")

        run = try night(seeds: 4, connection: server.connection())
        XCTAssertEqual(run.status, 0, run.stderr)
        try assertViewsMatchTheFiles(server)
        run = try night(seeds: 3, connection: server.connection())
        XCTAssertEqual(run.status, 0, run.stderr)
        try assertViewsMatchTheFiles(server)
        // The latest run's tables and the previous one's (for queries begun before the switch).
        let schemas = try server.psql("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'xiezuo%' ORDER BY 1")
        XCTAssertEqual(schemas.count, 3, "\(schemas)")
        XCTAssertEqual(schemas.first, "xiezuo")
        XCTAssertTrue(schemas[1].hasPrefix("xiezuo_run_2_") && schemas[2].hasPrefix("xiezuo_run_3_"), "\(schemas)")
        XCTAssertEqual(
            try server.value("SELECT sum(yuan) = (SELECT sum(value) FROM xiezuo.facts WHERE fact_table = 'investments') FROM public.money_by_region"), "t")
    }

    /// A dashboard's transaction that began on night 1 sees night 1 whole to its end; the
    /// switch to night 2 waits for it, and the next query sees night 2 whole.
    func testAQueryDuringTheSwitchSeesOneWholeNight() throws {
        let server = try PostgresServer(in: scratch)
        XCTAssertEqual(try night(seeds: 2, connection: server.connection()).status, 0)
        let nightOne = try ["investments", "documents", "facts"].map { try server.value("SELECT count(*) FROM xiezuo.\($0)") }
        let reader = try PsqlSession(server: server)
        defer { reader.close() }
        XCTAssertEqual(try reader.send("BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM xiezuo.investments;"), [nightOne[0]])

        let config = scratch.appendingPathComponent("pipeline.json")
        let background = try BackgroundRun(
            ["run", "--config", config.path, "--input", "seeds", "--output", output.path],
            stderrFile: scratch.appendingPathComponent("night2.log"))
        // The load reaches the switch and waits for the reader's lock on the view.
        XCTAssertTrue(
            BackgroundRun.eventually(within: 120) {
                (try? server.value("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'xiezuo' AND query LIKE '%xiezuo: switching views%'")) == "1"
            }, background.stderr)
        let during = try reader.send("SELECT count(*) FROM xiezuo.documents; SELECT count(*) FROM xiezuo.facts; COMMIT;")
        XCTAssertEqual(during, [nightOne[1], nightOne[2]])
        XCTAssertEqual(background.finish(), 0, background.stderr)
        XCTAssertNotEqual(try server.value("SELECT count(*) FROM xiezuo.documents"), nightOne[1])
        try assertViewsMatchTheFiles(server)
    }

    func testALoadWithoutPrivilegeFailsAndLeavesThePreviousNight() throws {
        let server = try PostgresServer(in: scratch)
        XCTAssertEqual(try night(seeds: 2, connection: server.connection()).status, 0)
        try server.psql("CREATE ROLE reader LOGIN")
        let run = try night(seeds: 4, connection: server.connection(user: "reader"))
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(
            run.stderr.contains(
                "the tables were written, but loading them into PostgreSQL failed at creating schema xiezuo_run_2_"),
            run.stderr)
        XCTAssertTrue(run.stderr.contains("permission denied for database analytics (SQLSTATE 42501); schema xiezuo was left as the previous load left it"), run.stderr)
        // The files of night 2 are written; the database still shows night 1.
        XCTAssertEqual(try runID(), 2)
        XCTAssertEqual(try server.value("SELECT run_id FROM xiezuo.run"), "1")
        XCTAssertEqual(try server.psql("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'xiezuo_run_2%'"), [])
    }

    /// The server goes down while the load waits to switch the views: exit 1 with libpq's
    /// words, and after a restart the database holds night 1 whole.
    func testServerStoppedMidLoadLeavesThePreviousNight() throws {
        let server = try PostgresServer(in: scratch)
        XCTAssertEqual(try night(seeds: 2, connection: server.connection()).status, 0)
        let nightOne = try server.value("SELECT count(*) FROM xiezuo.facts")
        let reader = try PsqlSession(server: server)
        XCTAssertEqual(try reader.send("BEGIN; SELECT count(*) FROM xiezuo.facts;"), [nightOne])
        let background = try BackgroundRun(
            ["run", "--config", scratch.appendingPathComponent("pipeline.json").path, "--input", "seeds", "--output", output.path],
            stderrFile: scratch.appendingPathComponent("night2.log"))
        XCTAssertTrue(
            BackgroundRun.eventually(within: 120) {
                (try? server.value("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'xiezuo' AND query LIKE '%xiezuo: switching views%'")) == "1"
            }, background.stderr)
        try server.stop(mode: "fast")
        XCTAssertEqual(background.finish(), 1, background.stderr)
        reader.close()
        XCTAssertTrue(background.stderr.contains("loading them into PostgreSQL failed at waiting for queries on the views of xiezuo to finish: "), background.stderr)
        XCTAssertTrue(background.stderr.contains("57P01") || background.stderr.contains("server closed the connection"), background.stderr)
        try server.start()
        XCTAssertEqual(try server.value("SELECT run_id FROM xiezuo.run"), "1")
        XCTAssertEqual(try server.value("SELECT count(*) FROM xiezuo.facts"), nightOne)
        XCTAssertEqual(try server.psql("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'xiezuo_run_2%'"), [])
        XCTAssertEqual(try runID(), 2)
    }

    func testPasswordComesFromTheEnvironmentNeverFromTheConfig() throws {
        let server = try PostgresServer(in: scratch)
        try server.psql("CREATE ROLE loader LOGIN PASSWORD 'night-secret'; GRANT CREATE ON DATABASE analytics TO loader")
        try server.requireAuthentication("local all loader scram-sha-256")
        var run = try night(seeds: 2, connection: server.connection(user: "loader"))
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("connecting: "), run.stderr)
        XCTAssertTrue(run.stderr.contains("no password supplied"), run.stderr)
        run = try night(seeds: 2, connection: server.connection(user: "loader"), environment: ["PGPASSWORD=night-secret"])
        XCTAssertEqual(run.status, 0, run.stderr)
        try assertViewsMatchTheFiles(server)
    }

    func testConfigWithAPasswordIsRejected() throws {
        for connection in ["postgresql://loader:night-secret@db.example/analytics", "host=db.example dbname=analytics password=night-secret"] {
            let config = scratch.appendingPathComponent("pipeline.json")
            try JSONSerialization.data(withJSONObject: ["output": ["postgres": ["connection": connection]]]).write(to: config)
            let result = try XiezuoProcess.run(["validate", "--config", config.path])
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(
                result.stderr.contains(
                    "output.postgres.connection: holds a password, which does not belong in pipeline.json; remove it and give it to the run in the PGPASSWORD environment variable or in the password file (~/.pgpass, or the file PGPASSFILE names)"),
                result.stderr)
            XCTAssertFalse(result.stderr.contains("night-secret"), result.stderr)
        }
        let config = scratch.appendingPathComponent("pipeline.json")
        try JSONSerialization.data(withJSONObject: ["output": ["formats": ["parquet"], "postgres": ["connection": "dbname=analytics", "schema": "Xiezuo-BI"]]])
            .write(to: config)
        let result = try XiezuoProcess.run(["validate", "--config", config.path])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("output.postgres: the load reads the CSV tables; add \"csv\" to output.formats"), result.stderr)
        XCTAssertTrue(result.stderr.contains("output.postgres.schema: \"Xiezuo-BI\" is not a plain schema name"), result.stderr)
        try JSONSerialization.data(withJSONObject: ["output": ["excel": true, "postgres": ["connection": "dbname=analytics"]]]).write(to: config)
        let excel = try XiezuoProcess.run(["validate", "--config", config.path])
        XCTAssertEqual(excel.status, 2, excel.stderr)
        XCTAssertTrue(excel.stderr.contains("output.postgres: the load reads the CSV tables, which output.excel changes for spreadsheets"), excel.stderr)
    }
}
