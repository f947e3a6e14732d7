/// One cell of an output row.
public enum CSVField: Sendable, Equatable {
    /// Text: always quoted by libcsv.
    case text(String)
    /// A plain decimal or integer: digits, `-` and `.` only, so it needs no quoting.
    case number(String)
    /// Unknown: an empty unquoted field, which DuckDB, pyarrow and Excel read as NULL/blank.
    case empty

    public static func text(_ value: String?) -> CSVField { value.map(CSVField.text) ?? .empty }
    public static func number(_ value: Int?) -> CSVField { value.map { .number(String($0)) } ?? .empty }
    public static func number(_ value: ExactDecimal?) -> CSVField { value.map { .number($0.description) } ?? .empty }
}
