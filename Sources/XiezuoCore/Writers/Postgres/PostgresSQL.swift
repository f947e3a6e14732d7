/// The SQL of a load: tables typed after `TableSchema`, their keys, and the views analysts
/// query. Names are checked plain identifiers (`PostgresConfig`), quoted all the same.
enum PostgresSQL {
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func qualified(_ schema: String, _ name: String) -> String {
        identifier(schema) + "." + identifier(name)
    }

    static func type(_ type: ColumnType) -> String {
        switch type {
        case .text: return "text"
        case .year: return "integer"
        case .integer: return "bigint"
        case .date: return "date"
        case .money: return "numeric(18,2)"
        }
    }

    /// `CREATE TABLE` with every column typed, `NOT NULL` where a value is always known, and
    /// the descriptions of docs/tables.md as comments (BI tools show them).
    static func createTable(_ table: TableSchema, in schema: String) -> String {
        let name = qualified(schema, table.name)
        let columns = table.columns.map { column in
            identifier(column.name) + " " + type(column.type) + (column.optional ? "" : " NOT NULL")
        }
        var sql = "CREATE TABLE \(name) (\(columns.joined(separator: ", ")));\n"
        sql += "COMMENT ON TABLE \(name) IS \(literal(table.description));\n"
        for column in table.columns {
            sql += "COMMENT ON COLUMN \(name).\(identifier(column.name)) IS \(literal(column.description));\n"
        }
        return sql
    }

    static func copy(_ table: TableSchema, in schema: String) -> String {
        let columns = table.columns.map { identifier($0.name) }.joined(separator: ", ")
        return "COPY \(qualified(schema, table.name)) (\(columns)) FROM STDIN (FORMAT csv, HEADER true, ENCODING 'UTF8')"
    }

    /// Primary and foreign keys, added once the rows are in (faster than checking row by row).
    static func keys(_ table: TableSchema, in schema: String) -> String {
        var sql = ""
        let name = qualified(schema, table.name)
        if !table.primaryKey.isEmpty {
            sql += "ALTER TABLE \(name) ADD PRIMARY KEY (\(table.primaryKey.map(identifier).joined(separator: ", ")));\n"
        }
        if let reference = table.documentReference {
            sql += "ALTER TABLE \(name) ADD FOREIGN KEY (\(identifier(reference))) REFERENCES \(qualified(schema, TableSchema.documents.name)) (\(identifier("doc_id")));\n"
        }
        return sql
    }

    /// The run the tables are from: one row.
    static func runTable(in schema: String, run: RunStamp) -> String {
        let name = qualified(schema, runTableName)
        return """
            CREATE TABLE \(name) (run_id bigint PRIMARY KEY, previous_run_id bigint NOT NULL, started timestamptz NOT NULL, \
            finished timestamptz NOT NULL, xiezuo_version text NOT NULL, loaded timestamptz NOT NULL DEFAULT now());
            COMMENT ON TABLE \(name) IS 'The run these tables are from (run.json) and when they were loaded.';
            INSERT INTO \(name) (run_id, previous_run_id, started, finished, xiezuo_version) VALUES (\(run.runID), \(run.previousRunID), \
            \(literal(run.started)), \(literal(run.finished)), \(literal(run.version)));

            """
    }

    static let runTableName = "run"
    static let factsViewName = "facts"

    /// The stable names analysts and dashboards use: one view per table of `source`, `run`, and
    /// `facts`. `CREATE OR REPLACE VIEW` keeps each view (and whatever was built on it) while
    /// pointing it at the new tables.
    static func views(in schema: String, over source: String) -> String {
        var sql = ""
        for name in TableSchema.all.map(\.name) + [runTableName] {
            sql += "CREATE OR REPLACE VIEW \(qualified(schema, name)) AS SELECT * FROM \(qualified(source, name));\n"
        }
        sql += "CREATE OR REPLACE VIEW \(qualified(schema, factsViewName)) AS\n" + facts(over: source) + ";\n"
        sql += "COMMENT ON VIEW \(qualified(schema, factsViewName)) IS \(literal(factsDescription));\n"
        return sql
    }

    static let factsDescription =
        "Every figure of a kept document (investments in yuan, jobs and projects as counts) with its document's title, date, outlet and source."

    /// The three fact tables as one, each figure with its document; only kept documents have facts.
    private static func facts(over source: String) -> String {
        let documents = qualified(source, TableSchema.documents.name)
        return FactTable.allCases.map { table in
            let money = table == .investments
            let value = money ? "f.amount_cny" : "f.count::numeric(18,2)"
            let low = money ? "f.low_cny" : "f.low::numeric(18,2)"
            let high = money ? "f.high_cny" : "f.high::numeric(18,2)"
            return """
                SELECT \(literal(table.rawValue))::text AS fact_table, f.fact_id, f.doc_id, f.year, f.region, f.category, \
                \(value) AS value, f.qualifier, \(low) AS low, \(high) AS high, f.text, f.evidence, f.char_offset, f.first_seen_run, \
                d.title, d.published, d.outlet, d.source, d.part
                FROM \(qualified(source, table.rawValue)) f JOIN \(documents) d ON d.doc_id = f.doc_id WHERE d.duplicate_of IS NULL
                """
        }.joined(separator: "\nUNION ALL\n")
    }
}
