/// `output`: where and how the tables are written.
public struct OutputConfig: Sendable, Equatable {
    /// Relative to `pipeline.json`.
    public var directory: String = "output"
    public var formats: [OutputFormat] = OutputFormat.defaults
    /// CSV for Excel's double-click: a UTF-8 byte order mark and CRLF line endings.
    public var excel: Bool = false
    /// Rows per Parquet row group: large enough for fast scans, small enough to bound memory.
    public var rowGroupRows: Int = 131_072
    /// Load the tables into PostgreSQL after writing them; nil: no load.
    public var postgres: PostgresConfig?
    /// Data rows on one sheet of the workbook before a table goes on in the next: Excel's
    /// limit. Not a key of `pipeline.json`; tests lower it to see a table continued.
    public var xlsxRowsPerSheet: Int = XlsxTableWorkbook.excelRows - 1

    public init(
        directory: String = "output", formats: [OutputFormat] = OutputFormat.defaults, excel: Bool = false,
        rowGroupRows: Int = 131_072, postgres: PostgresConfig? = nil
    ) {
        self.postgres = postgres
        self.directory = directory
        self.formats = formats
        self.excel = excel
        self.rowGroupRows = rowGroupRows
    }

    func problems(at path: String) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        if directory.isEmpty {
            problems.append(ConfigProblem(path: "\(path).directory", message: "an empty path; name a directory"))
        }
        if formats.isEmpty {
            problems.append(ConfigProblem(path: "\(path).formats", message: "list at least one of \"csv\", \"parquet\", \"xlsx\""))
        } else if Set(formats).count != formats.count {
            problems.append(ConfigProblem(path: "\(path).formats", message: "names a format twice; list each once"))
        }
        if rowGroupRows < 1 {
            problems.append(ConfigProblem(path: "\(path).row_group_rows", message: "must be at least 1"))
        } else if rowGroupRows > Int(Int32.max) {
            // Parquet counts a row group's rows in an INT32.
            problems.append(ConfigProblem(path: "\(path).row_group_rows", message: "must be at most \(Int32.max)"))
        }
        if let postgres { problems += postgres.problems(at: "\(path).postgres", formats: formats, excel: excel) }
        return problems
    }
}

extension OutputConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case directory, formats, excel, postgres
        case rowGroupRows = "row_group_rows"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        let defaults = OutputConfig()
        directory = try container.value(.directory, default: defaults.directory)
        formats = try container.choices(.formats, default: defaults.formats)
        excel = try container.value(.excel, default: defaults.excel)
        rowGroupRows = try container.value(.rowGroupRows, default: defaults.rowGroupRows)
        postgres = try container.decodeIfPresent(PostgresConfig.self, forKey: .postgres)
    }
}
