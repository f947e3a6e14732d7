/// The column types the writer supports: the few a flat analytic table needs.
///
/// Each case maps to one Parquet physical type plus, where needed, a logical type and the
/// matching legacy ConvertedType (parquet-format LogicalTypes.md: "implementations using
/// LogicalType for a SchemaElement must also set the corresponding ConvertedType", so that
/// readers that predate LogicalType still see strings, dates and decimals).
public enum ParquetType: Sendable, Equatable {
    /// BYTE_ARRAY annotated STRING (ConvertedType UTF8): UTF-8 text.
    case string
    /// INT32 without annotation.
    case int32
    /// INT64 without annotation.
    case int64
    /// INT32 annotated DATE: days since 1970-01-01.
    case date
    /// INT64 annotated DECIMAL(precision, scale); the value is the unscaled Int64.
    /// LogicalTypes.md allows INT64 for 1 <= precision <= 18.
    case decimal(precision: Int, scale: Int)
}
