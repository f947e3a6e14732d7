/// The Statistics struct of one column chunk (parquet.thrift `struct Statistics`).
///
/// `minValue`/`maxValue` (fields 6 and 5) are ordered by the column's ColumnOrder, here
/// TypeDefinedOrder: signed for INT32/INT64/DATE/DECIMAL, unsigned byte-wise for strings.
/// They are PLAIN-encoded, without the BYTE_ARRAY length prefix. The deprecated `min`/`max`
/// (fields 2 and 1) are defined as signed comparison, so they are repeated only for integer
/// columns where that is the same order; for strings they would be wrong for any byte >= 0x80.
struct ChunkStatistics: Equatable {
    var nullCount: Int64
    var minValue: [UInt8]?
    var maxValue: [UInt8]?
    /// Whether to repeat min/max in the deprecated signed-order fields.
    var signedOrder: Bool
}
