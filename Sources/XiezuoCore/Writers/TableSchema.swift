/// The output tables and their columns, in the order of EXTRACTION.md.
public struct TableSchema: Sendable, Equatable {
    public var name: String
    public var columns: [String]

    public var fileName: String { "\(name).csv" }

    public static let documents = TableSchema(
        name: "documents",
        columns: ["doc_id", "source", "part", "title", "published", "outlet", "script", "chars", "removed_chars", "duplicate_of"]
    )
    public static let investments = TableSchema(
        name: "investments",
        columns: [
            "fact_id", "doc_id", "year", "region", "category", "amount_cny", "qualifier", "low_cny", "high_cny", "text",
            "evidence", "offset",
        ]
    )
    public static let jobs = TableSchema(name: "jobs", columns: countColumns)
    public static let projects = TableSchema(name: "projects", columns: countColumns)
    public static let summary = TableSchema(
        name: "summary", columns: ["table", "category", "year", "region", "facts", "documents", "total", "min", "max"]
    )
    public static let rejects = TableSchema(name: "rejects", columns: ["source", "stage", "reason"])

    public static let all: [TableSchema] = [documents, investments, jobs, projects, summary, rejects]

    public static func facts(_ table: FactTable) -> TableSchema {
        switch table {
        case .investments: return investments
        case .jobs: return jobs
        case .projects: return projects
        }
    }

    private static let countColumns = [
        "fact_id", "doc_id", "year", "region", "category", "count", "qualifier", "low", "high", "text", "evidence", "offset",
    ]
}
