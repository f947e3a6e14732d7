import Foundation

/// Loads a published set of tables into PostgreSQL (README, "Loading into PostgreSQL").
///
/// Each run's tables go into a schema of their own, `<schema>_run_<id>_<time>`, with proper
/// types, primary and foreign keys; the schema analysts use, `<schema>`, holds only views over
/// the latest one. Everything happens in one transaction: the new tables are filled with
/// `COPY … FROM STDIN` from the set's CSV files, then the views are repointed at them
/// (`CREATE OR REPLACE VIEW`, which keeps the views and whatever dashboards built on them). A
/// query sees the previous night or the new one, never a mix: the repointing waits for queries
/// already reading the views, and until the commit nothing of the new night is visible. A
/// load that fails at any step is rolled back by the server, so `<schema>` stays as it was.
/// After the commit, the schemas of runs older than the previous one are dropped.
struct PostgresLoad {
    let config: PostgresConfig

    struct Report {
        /// The schema holding this run's tables.
        var tablesSchema: String
        var rows: Int
        /// Earlier runs' schemas that could not be dropped, with PostgreSQL's reason.
        var kept: [(schema: String, reason: String)] = []
    }

    /// The schema holding the tables of the set named `setName` (`run-7-20261121T230117Z`).
    func tablesSchema(ofSet setName: String) -> String {
        config.schema + "_" + setName.lowercased().replacingOccurrences(of: "-", with: "_")
    }

    func load(set directory: String, setName: String, run: RunStamp) throws(PostgresError) -> Report {
        let connection = try PostgresConnection(
            config.connection,
            defaults: ["connect_timeout": "30", "fallback_application_name": "xiezuo", "client_encoding": "UTF8"])
        let target = tablesSchema(ofSet: setName)
        let stable = config.schema
        var report = Report(tablesSchema: target, rows: 0)
        try connection.execute("BEGIN", step: "starting the load's transaction")
        try connection.execute(
            "CREATE SCHEMA IF NOT EXISTS \(PostgresSQL.identifier(stable)); CREATE SCHEMA \(PostgresSQL.identifier(target));",
            step: "creating schema \(target)")
        for table in TableSchema.all {
            try connection.execute(PostgresSQL.createTable(table, in: target), step: "creating table \(target).\(table.name)")
            let file = URL(fileURLWithPath: directory).appendingPathComponent(OutputLayout.csv(table.name)).path
            report.rows += try connection.copy(PostgresSQL.copy(table, in: target), fromFile: file, step: "COPY \(target).\(table.name)")
        }
        try connection.execute(PostgresSQL.runTable(in: target, run: run), step: "creating table \(target).run")
        for table in TableSchema.all {
            let keys = PostgresSQL.keys(table, in: target)
            if !keys.isEmpty { try connection.execute(keys, step: "adding the keys of \(target).\(table.name)") }
        }
        try lockViews(of: stable, connection: connection)
        try connection.execute(PostgresSQL.views(in: stable, over: target), step: "pointing the views of \(stable) at \(target)")
        try connection.execute("COMMIT", step: "committing the load")
        report.kept = dropEarlierRuns(keeping: target, connection: connection)
        return report
    }

    /// How long the switch waits for dashboards to let go of the views before the load fails.
    static let switchPatience: TimeInterval = 600

    /// Takes every existing view of `stable` at once before repointing them. A dashboard's
    /// transaction that has read one view and goes on to read another must not find the load
    /// holding the second while waiting for the first (a deadlock, which PostgreSQL ends by
    /// cancelling one of the two). So the locks are tried together, each try given less time
    /// than PostgreSQL's deadlock check (`deadlock_timeout`, 1 s by default), and on a miss
    /// given back (to a savepoint) for a while, until every reader of the previous night has
    /// finished.
    private func lockViews(of stable: String, connection: PostgresConnection) throws(PostgresError) {
        let views = try connection.query(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = \(PostgresSQL.literal(stable)) AND c.relkind = 'v' ORDER BY 1",
            step: "listing the views of \(stable)"
        ).compactMap { $0.first ?? nil }
        guard !views.isEmpty else { return }
        let names = views.map { PostgresSQL.qualified(stable, $0) }.joined(separator: ", ")
        let step = "waiting for queries on the views of \(stable) to finish"
        let deadline = Date().addingTimeInterval(Self.switchPatience)
        var pause = 0.05
        while true {
            try connection.execute("SAVEPOINT xiezuo_switch /* xiezuo: switching views */", step: step)
            do {
                try connection.execute(
                    "SET LOCAL lock_timeout = '200ms'; LOCK TABLE \(names) IN ACCESS EXCLUSIVE MODE /* xiezuo: switching views */; "
                        + "SET LOCAL lock_timeout = 0",
                    step: step)
                return
            } catch where error.sqlState == "55P03" && Date() < deadline {
                // lock_not_available: give the locks back and let the readers finish.
                try connection.execute("ROLLBACK TO SAVEPOINT xiezuo_switch /* xiezuo: switching views */", step: step)
                Thread.sleep(forTimeInterval: pause)
                pause = min(pause * 2, 2)
            }
        }
    }

    /// Drops the schemas of runs before the previous one (kept for queries that began before
    /// the switch), each in its own transaction. `RESTRICT`: a schema that holds something
    /// else, or whose tables something depends on (an analyst's own view), is kept and reported.
    private func dropEarlierRuns(keeping target: String, connection: PostgresConnection) -> [(schema: String, reason: String)] {
        let prefix = config.schema + "_run_"
        let pattern = PostgresSQL.literal(prefix.replacingOccurrences(of: "_", with: "\\_") + "%")
        guard let names = try? connection.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE \(pattern)", step: "listing earlier loads")
        else { return [] }
        let runs = names.compactMap { $0.first ?? nil }.compactMap { name -> (run: Int, name: String)? in
            guard let run = Int(name.dropFirst(prefix.count).prefix { $0.isNumber }) else { return nil }
            return (run, name)
        }.sorted { ($0.run, $0.name) > ($1.run, $1.name) }
        var kept: [(schema: String, reason: String)] = []
        for old in runs.filter({ $0.name != target }).dropFirst() {
            let tables = (TableSchema.all.map(\.name) + [PostgresSQL.runTableName]).map { PostgresSQL.qualified(old.name, $0) }
            do {
                try connection.execute(
                    "BEGIN; SET LOCAL lock_timeout = '10s'; DROP TABLE IF EXISTS \(tables.joined(separator: ", ")) RESTRICT; "
                        + "DROP SCHEMA \(PostgresSQL.identifier(old.name)) RESTRICT; COMMIT;",
                    step: "dropping \(old.name)")
            } catch {
                try? connection.execute("ROLLBACK", step: "keeping \(old.name)")
                kept.append((old.name, error.description))
            }
        }
        return kept
    }
}
