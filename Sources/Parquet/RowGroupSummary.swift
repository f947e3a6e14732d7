/// One written row group, kept until the footer is written (parquet.thrift `struct RowGroup`).
/// Only this metadata stays in memory; the row group's data is already on disk.
struct RowGroupSummary: Equatable {
    var columns: [EncodedColumnChunk]
    var rowCount: Int64
    /// Offset of the row group's first page: RowGroup.file_offset, which parquet-mr (Spark)
    /// uses to assign row groups to input splits.
    var fileOffset: Int64
    var ordinal: Int

    var totalUncompressedSize: Int64 { columns.reduce(0) { $0 + $1.totalUncompressedSize } }
    var totalCompressedSize: Int64 { columns.reduce(0) { $0 + $1.totalCompressedSize } }
}
