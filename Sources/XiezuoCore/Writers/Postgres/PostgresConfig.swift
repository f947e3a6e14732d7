/// `output.postgres`: load each run's tables into PostgreSQL for BI tools (README, "Loading
/// into PostgreSQL"). Absent: no load.
public struct PostgresConfig: Sendable, Equatable {
    /// A libpq connection string without a password: `postgresql://xiezuo@db.example/analytics`
    /// or `host=db.example dbname=analytics user=xiezuo`. The password comes from the
    /// environment (`PGPASSWORD`) or the password file (`~/.pgpass`, `PGPASSFILE`).
    public var connection: String
    /// The schema analysts query: views over the latest loaded run's tables.
    public var schema: String = "xiezuo"

    /// Longest schema name: PostgreSQL's 63 bytes less the run suffix of the tables' schema
    /// (`_run_7_20261121t230117z`, up to 23 characters for runs below a million).
    static let maximumSchemaLength = 40

    public init(connection: String, schema: String = "xiezuo") {
        self.connection = connection
        self.schema = schema
    }

    func problems(at path: String, formats: [OutputFormat], excel: Bool) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        switch PostgresConnection.options(of: connection) {
        case .failure(let error):
            problems.append(ConfigProblem(path: "\(path).connection", message: "\(error.message); write a libpq connection string such as \"postgresql://xiezuo@db.example/analytics\""))
        case .success(let options):
            if let password = options["password"], !password.isEmpty {
                problems.append(
                    ConfigProblem(
                        path: "\(path).connection",
                        message: "holds a password, which does not belong in pipeline.json; remove it and give it to the run in the PGPASSWORD environment variable or in the password file (~/.pgpass, or the file PGPASSFILE names)"))
            }
        }
        let valid = schema.first.map { $0 == "_" || ("a"..."z").contains($0) } == true
            && schema.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        if !valid || schema.count > Self.maximumSchemaLength {
            problems.append(
                ConfigProblem(
                    path: "\(path).schema",
                    message: "\"\(schema)\" is not a plain schema name; use lower-case letters, digits and _, starting with a letter, at most \(Self.maximumSchemaLength) characters"))
        }
        if !formats.contains(.csv) {
            problems.append(
                ConfigProblem(path: "\(path)", message: "the load reads the CSV tables; add \"csv\" to output.formats"))
        }
        if excel {
            // Excel mode puts a ' before text starting like a formula; the database would keep it.
            problems.append(
                ConfigProblem(
                    path: "\(path)",
                    message: "the load reads the CSV tables, which output.excel changes for spreadsheets (a ' before text starting with =, +, - or @); set output.excel to false, or use the xlsx format for spreadsheets"))
        }
        return problems
    }
}
