/// Where each file of a run's tables lies, relative to the set's directory (README, "Tables"):
///
///     output/current -> runs/run-7-20261121T230117Z     the one symlink readers go through
///     output/runs/run-7-…/csv/investments.csv           one CSV per table, for spreadsheets
///     output/runs/run-7-…/parquet/investments/investments.parquet
///                                                       one directory per table, for Spark,
///                                                       DuckDB and pandas
///     output/runs/run-7-…/datapackage.json, run.json
///
/// Each table has a directory or file of its own, so no glob or directory read mixes tables
/// or meets a file that is not a table.
public enum OutputLayout {
    /// The symlink to the latest complete set, in the output directory.
    public static let current = "current"
    /// The directory holding the sets of tables, in the output directory.
    public static let runs = "runs"
    public static let runReport = "run.json"
    public static let dataPackage = "datapackage.json"
    /// Every table in one workbook, a sheet each (`output.formats` "xlsx").
    public static let workbook = "xiezuo.xlsx"

    public static func csv(_ table: String) -> String { "csv/\(table).csv" }

    public static func parquetDirectory(_ table: String) -> String { "parquet/\(table)" }

    public static func parquet(_ table: String) -> String { "\(parquetDirectory(table))/\(table).parquet" }

    /// The file of `table` in `format`, relative to a set's directory.
    public static func path(of table: String, in format: OutputFormat) -> String {
        switch format {
        case .csv: return csv(table)
        case .parquet: return parquet(table)
        case .xlsx: return workbook
        }
    }

    /// The name of run `run`'s set under `runs/`: its number and start time, so that the
    /// directories sort by run and say when it ran.
    static func runDirectory(run: Int, started: String) -> String {
        "run-\(run)-" + started.prefix(19).filter { $0 != "-" && $0 != ":" } + "Z"
    }

    /// Files the earlier layout wrote straight into the output directory: stale copies once a
    /// run has switched to the new layout, so they are removed then.
    static let earlierLayoutFiles: [String] =
        ["documents", "investments", "jobs", "projects", "summary", "rejects", "paragraphs"].flatMap {
            ["\($0).csv", "\($0).parquet"]
        } + [dataPackage, runReport]
}
