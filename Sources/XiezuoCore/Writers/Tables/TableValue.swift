/// One cell of an output row, typed, before any file format: CSV prints it, Parquet stores it.
/// `nil` payloads are unknown values (an empty CSV field, a Parquet NULL).
public enum TableValue: Sendable, Equatable {
    case text(String?)
    case integer(Int?)
    case date(CivilDate?)
    case decimal(ExactDecimal?)
}
