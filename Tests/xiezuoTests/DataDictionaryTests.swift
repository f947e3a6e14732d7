import Foundation
import XCTest
import XiezuoCore

/// docs/tables.md describes every table and column the code writes, with the right type, and
/// no column name needs quoting in PostgreSQL or DuckDB.
final class DataDictionaryTests: XCTestCase {
    private struct DocumentedColumn: Equatable {
        var name: String
        var type: String
        var empty: String
        var meaning: String
        var example: String
    }

    /// `## table` sections of docs/tables.md: their `Keys:` line and their column rows.
    private func dictionary() throws -> [String: (keys: String, columns: [DocumentedColumn])] {
        let text = try String(
            contentsOf: XiezuoProcess.repositoryRoot.appendingPathComponent("docs/tables.md"), encoding: .utf8)
        var sections: [String: (keys: String, columns: [DocumentedColumn])] = [:]
        var current: String?
        var inColumns = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("## ") {
                current = String(line.dropFirst(3))
                inColumns = false
            } else if let table = current, line.hasPrefix("Keys: ") {
                sections[table, default: ("", [])].keys = line
            } else if let table = current, line == "| column | type | empty | meaning | example |" {
                inColumns = true
                sections[table, default: ("", [])].columns = []
            } else if let table = current, inColumns, line.hasPrefix("| `") {
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count == 5 else {
                    XCTFail("\(table): a row without the five cells column, type, empty, meaning, example: \(line)")
                    continue
                }
                func unquoted(_ cell: String) -> String { cell.trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
                sections[table]?.columns.append(
                    DocumentedColumn(
                        name: unquoted(cells[0]), type: cells[1], empty: cells[2], meaning: cells[3], example: unquoted(cells[4])))
            }
        }
        return sections
    }

    private static func parquetType(_ type: ColumnType) -> String {
        switch type {
        case .text: return "STRING"
        case .year: return "INT32"
        case .integer: return "INT64"
        case .date: return "DATE"
        case .money: return "DECIMAL(18,2)"
        }
    }

    func testDocsTablesDescribesEveryColumnOfTheSchema() throws {
        let documented = try dictionary()
        XCTAssertEqual(Set(documented.keys), Set(TableSchema.all.map(\.name)), "the tables docs/tables.md describes")
        for schema in TableSchema.all {
            let section = try XCTUnwrap(documented[schema.name], "docs/tables.md has no section ## \(schema.name)")
            XCTAssertEqual(section.columns.map(\.name), schema.columnNames, "\(schema.name): the columns, in order")
            for (column, described) in zip(schema.columns, section.columns) where column.name == described.name {
                let place = "\(schema.name).\(column.name)"
                XCTAssertEqual(described.type, Self.parquetType(column.type), place)
                XCTAssertEqual(described.empty, column.optional ? "yes" : "no", place)
                XCTAssertFalse(described.meaning.isEmpty, "\(place): no meaning")
                XCTAssertFalse(described.example.isEmpty, "\(place): no example")
                switch column.type {
                case .integer, .year: XCTAssertNotNil(Int(described.example), "\(place): example \(described.example)")
                case .money: XCTAssertNotNil(Decimal(string: described.example), "\(place): example \(described.example)")
                case .date:
                    XCTAssertNotNil(described.example.range(of: #"^\d{4}-\d\d-\d\d$"#, options: .regularExpression), place)
                case .text: break
                }
            }
            var keys: [String] = []
            if !schema.primaryKey.isEmpty { keys.append("primary key " + schema.primaryKey.map { "`\($0)`" }.joined(separator: ", ")) }
            if let reference = schema.documentReference { keys.append("`\(reference)` → `documents.doc_id`") }
            XCTAssertEqual(section.keys, keys.isEmpty ? "" : "Keys: " + keys.joined(separator: "; ") + ".", schema.name)
        }
    }

    /// PostgreSQL's reserved key words, and those reserved but allowed as function or type
    /// names (PostgreSQL 16, Appendix C: `pg_get_keywords()` categories R and T). Either kind
    /// breaks an unquoted column name.
    private static let postgreSQLReserved: Set<String> = [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast", "check", "collate",
        "column", "constraint", "create", "current_catalog", "current_date", "current_role", "current_time",
        "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except",
        "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into",
        "lateral", "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order",
        "placing", "primary", "references", "returning", "select", "session_user", "some", "symmetric", "system_user",
        "table", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where", "window",
        "with", "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full", "ilike",
        "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps", "right", "similar",
        "tablesample", "verbose",
    ]

    func testNoColumnIsAReservedWordOfPostgreSQLOrDuckDB() throws {
        let columns = Set(TableSchema.all.flatMap(\.columnNames))
        XCTAssertEqual(columns.intersection(Self.postgreSQLReserved), [], "PostgreSQL reserved words")
        let duckdb = try PythonReaders.run([
            "-c",
            "import duckdb; print('\\n'.join(r[0] for r in duckdb.sql(\"SELECT keyword_name FROM duckdb_keywords() "
                + "WHERE keyword_category = 'reserved'\").fetchall()))",
        ])
        XCTAssertEqual(duckdb.status, 0, duckdb.stderr)
        let reserved = Set(duckdb.stdout.split(separator: "\n").map { $0.lowercased() })
        XCTAssertTrue(reserved.contains("select") && reserved.contains("table"), "DuckDB's list: \(reserved.sorted())")
        XCTAssertEqual(columns.intersection(reserved), [], "DuckDB reserved words")
    }

    /// Every column named unquoted in a DuckDB query over every Parquet table of a real run.
    func testEveryColumnCanBeQueriedUnquotedInDuckDB() throws {
        let output = try XiezuoProcess.temporaryDirectory("dictionary")
        defer { try? FileManager.default.removeItem(at: output) }
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", "seeds", "--output", output.path]).status, 0)
        let tables = OutputTables(directory: output)
        for schema in TableSchema.all {
            let names = schema.columnNames.joined(separator: ", ")
            let query = "SELECT \(names) FROM read_parquet('\(tables.parquet(schema.name).path)') "
                + "WHERE \(schema.columnNames[0]) IS NOT NULL ORDER BY \(names)"
            let result = try PythonReaders.run(["-c", "import duckdb, sys; duckdb.sql(sys.argv[1]).fetchall()", query])
            XCTAssertEqual(result.status, 0, "\(schema.name): \(result.stderr)")
        }
    }
}
