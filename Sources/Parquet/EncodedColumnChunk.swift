/// What the footer must say about one column chunk once its pages are written
/// (parquet.thrift `struct ColumnMetaData`).
struct EncodedColumnChunk: Equatable {
    var physicalType: Int32
    /// ColumnMetaData.encodings: every encoding used in the chunk, ascending.
    var encodings: [Int32]
    /// Values including NULLs: for a flat column, the row count.
    var valueCount: Int64
    /// Page headers plus page bodies before compression.
    var totalUncompressedSize: Int64
    /// Page headers plus page bodies as written.
    var totalCompressedSize: Int64
    var dataPageOffset: Int64
    var dictionaryPageOffset: Int64?
    var dataPageCount: Int
    /// PLAIN or RLE_DICTIONARY, for every data page of the chunk.
    var dataPageEncoding: Int32
    var statistics: ChunkStatistics
}
