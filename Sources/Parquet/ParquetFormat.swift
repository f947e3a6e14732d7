/// Constants of the Parquet file format, by their names in parquet-format's
/// `src/main/thrift/parquet.thrift` and README ("File format").
enum ParquetFormat {
    /// "PAR1", at the very start and the very end of every file.
    static let magic: [UInt8] = Array("PAR1".utf8)
    /// FileMetaData.created_by (field 6).
    static let createdBy = "xiezuo parquet writer version 1.0.0"
    /// FileMetaData.version (field 1): the spec asks writers to write 1.
    static let formatVersion: Int32 = 1

    // enum Type
    static let typeInt32: Int32 = 1
    static let typeInt64: Int32 = 2
    static let typeByteArray: Int32 = 6

    // enum FieldRepetitionType
    static let repetitionRequired: Int32 = 0
    static let repetitionOptional: Int32 = 1

    // enum ConvertedType (legacy annotations, still written for older readers)
    static let convertedUTF8: Int32 = 0
    static let convertedDecimal: Int32 = 5
    static let convertedDate: Int32 = 6

    // union LogicalType field ids
    static let logicalString: Int16 = 1
    static let logicalDecimal: Int16 = 5
    static let logicalDate: Int16 = 6

    // enum Encoding
    static let encodingPlain: Int32 = 0
    static let encodingRLE: Int32 = 3
    static let encodingRLEDictionary: Int32 = 8

    // enum CompressionCodec
    static let codecZstd: Int32 = 6

    // enum PageType
    static let pageTypeData: Int32 = 0
    static let pageTypeDictionary: Int32 = 2

    /// The Parquet physical type that stores a column type.
    static func physicalType(of type: ParquetType) -> Int32 {
        switch type {
        case .string: return typeByteArray
        case .int32, .date: return typeInt32
        case .int64, .decimal: return typeInt64
        }
    }
}
