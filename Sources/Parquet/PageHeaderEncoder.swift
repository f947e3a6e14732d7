/// Serializes parquet.thrift `struct PageHeader`, which precedes every page body in a
/// column chunk (parquet-format README, "File format": a column chunk is a sequence of
/// PageHeader + page).
enum PageHeaderEncoder {
    /// A data page v1 header: PageHeader { 1: type = DATA_PAGE, 2: uncompressed_page_size,
    /// 3: compressed_page_size, 5: DataPageHeader { 1: num_values, 2: encoding,
    /// 3: definition_level_encoding, 4: repetition_level_encoding } }.
    ///
    /// num_values counts NULLs too. Level encodings are RLE (the hybrid) even where a flat
    /// REQUIRED column writes no levels, as the field is required in the header.
    static func dataPage(valueCount: Int32, encoding: Int32, uncompressedSize: Int32, compressedSize: Int32) -> [UInt8] {
        var writer = ThriftCompactWriter()
        writer.writeStruct { header in
            header.i32Field(1, ParquetFormat.pageTypeData)
            header.i32Field(2, uncompressedSize)
            header.i32Field(3, compressedSize)
            header.structField(5) { data in
                data.i32Field(1, valueCount)
                data.i32Field(2, encoding)
                data.i32Field(3, ParquetFormat.encodingRLE)
                data.i32Field(4, ParquetFormat.encodingRLE)
            }
        }
        return writer.bytes
    }

    /// A dictionary page header: PageHeader { 1: type = DICTIONARY_PAGE, 2, 3: sizes,
    /// 7: DictionaryPageHeader { 1: num_values, 2: encoding = PLAIN } }. parquet.thrift:
    /// "For a Dictionary page use PLAIN" (PLAIN_DICTIONARY is deprecated).
    static func dictionaryPage(entryCount: Int32, uncompressedSize: Int32, compressedSize: Int32) -> [UInt8] {
        var writer = ThriftCompactWriter()
        writer.writeStruct { header in
            header.i32Field(1, ParquetFormat.pageTypeDictionary)
            header.i32Field(2, uncompressedSize)
            header.i32Field(3, compressedSize)
            header.structField(7) { dictionary in
                dictionary.i32Field(1, entryCount)
                dictionary.i32Field(2, ParquetFormat.encodingPlain)
            }
        }
        return writer.bytes
    }
}
