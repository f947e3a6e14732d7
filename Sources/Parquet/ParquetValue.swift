/// One non-NULL cell; NULL is `nil` in a row (`[ParquetValue?]`).
///
/// The case must match the column's `ParquetType` exactly: the writer does not convert, so a
/// mismatch is reported rather than silently widened or truncated.
public enum ParquetValue: Sendable, Equatable {
    case string(String)
    case int32(Int32)
    case int64(Int64)
    /// Days since 1970-01-01 (negative before it).
    case date(Int32)
    /// The unscaled value: 1640000000.00 at scale 2 is `.decimal(164_000_000_000)`.
    case decimal(Int64)
}
