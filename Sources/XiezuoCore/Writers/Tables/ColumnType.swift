/// The logical type of an output column; each format maps it (Parquet: STRING, INT32, INT64,
/// DATE, DECIMAL(18,2) on INT64; Table Schema: string, integer, date, number).
public enum ColumnType: Sendable, Equatable {
    case text
    case year
    case integer
    case date
    /// Yuan to the cent, or counts in `summary` (DECIMAL(18,2)).
    case money
}
