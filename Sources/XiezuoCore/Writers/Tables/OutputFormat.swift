/// File formats the tables are written in: a file per table for CSV and Parquet, one
/// workbook holding every table for xlsx.
public enum OutputFormat: String, Sendable, CaseIterable, Equatable {
    case csv
    case parquet
    case xlsx

    /// Written when `output.formats` is not given. The workbook is asked for: it costs time
    /// and space that analysts working from the CSV or Parquet files do not need.
    public static let defaults: [OutputFormat] = [.csv, .parquet]
}
