/// File formats the tables are written in; each table gets one file per format.
public enum OutputFormat: String, Sendable, CaseIterable, Equatable {
    case csv
    case parquet
}
