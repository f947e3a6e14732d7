/// Serializes the footer's parquet.thrift `struct FileMetaData` (parquet-format README,
/// "File format": `<File Metadata> <4-byte little-endian length> PAR1` ends the file).
///
/// Fields are written in ascending id order so that each header uses the short delta form.
enum FooterEncoder {
    /// FileMetaData { 1: version, 2: schema, 3: num_rows, 4: row_groups, 6: created_by,
    /// 7: column_orders }.
    static func fileMetaData(columns: [ParquetColumn], rowGroups: [RowGroupSummary]) -> [UInt8] {
        var writer = ThriftCompactWriter()
        writer.writeStruct { file in
            file.i32Field(1, ParquetFormat.formatVersion)
            file.listField(2, of: .struct, count: columns.count + 1)
            writeRootSchemaElement(childCount: columns.count, to: &file)
            for column in columns {
                writeSchemaElement(column, to: &file)
            }
            file.i64Field(3, rowGroups.reduce(0) { $0 + $1.rowCount })
            file.listField(4, of: .struct, count: rowGroups.count)
            for rowGroup in rowGroups {
                writeRowGroup(rowGroup, columns: columns, to: &file)
            }
            file.stringField(6, ParquetFormat.createdBy)
            // Without column_orders "the meaning of the min_value and max_value fields in the
            // Statistics object ... is undefined" (parquet.thrift, FileMetaData field 7), and
            // readers ignore them. One ColumnOrder per leaf: union { 1: TypeDefinedOrder {} }.
            file.listField(7, of: .struct, count: columns.count)
            for _ in columns {
                file.writeStruct { order in order.emptyStructField(1) }
            }
        }
        return writer.bytes
    }

    /// The root of the flattened schema tree: SchemaElement { 4: name, 5: num_children },
    /// no type and no repetition (parquet.thrift: "The root of the schema does not have a
    /// repetition_type").
    private static func writeRootSchemaElement(childCount: Int, to writer: inout ThriftCompactWriter) {
        writer.writeStruct { element in
            element.stringField(4, "schema")
            element.i32Field(5, Int32(childCount))
        }
    }

    /// A leaf: SchemaElement { 1: type, 3: repetition_type, 4: name, 6: converted_type,
    /// 7: scale, 8: precision, 10: logicalType }. Both the legacy ConvertedType and the
    /// LogicalType are written, as LogicalTypes.md requires for compatibility.
    private static func writeSchemaElement(_ column: ParquetColumn, to writer: inout ThriftCompactWriter) {
        writer.writeStruct { element in
            element.i32Field(1, ParquetFormat.physicalType(of: column.type))
            element.i32Field(3, column.optional ? ParquetFormat.repetitionOptional : ParquetFormat.repetitionRequired)
            element.stringField(4, column.name)
            switch column.type {
            case .int32, .int64:
                break
            case .string:
                element.i32Field(6, ParquetFormat.convertedUTF8)
                element.structField(10) { logical in logical.emptyStructField(ParquetFormat.logicalString) }
            case .date:
                element.i32Field(6, ParquetFormat.convertedDate)
                element.structField(10) { logical in logical.emptyStructField(ParquetFormat.logicalDate) }
            case .decimal(let precision, let scale):
                element.i32Field(6, ParquetFormat.convertedDecimal)
                element.i32Field(7, Int32(scale))
                element.i32Field(8, Int32(precision))
                // DecimalType { 1: scale, 2: precision }
                element.structField(10) { logical in
                    logical.structField(ParquetFormat.logicalDecimal) { decimal in
                        decimal.i32Field(1, Int32(scale))
                        decimal.i32Field(2, Int32(precision))
                    }
                }
            }
        }
    }

    /// RowGroup { 1: columns, 2: total_byte_size, 3: num_rows, 5: file_offset,
    /// 6: total_compressed_size, 7: ordinal }.
    private static func writeRowGroup(_ rowGroup: RowGroupSummary, columns: [ParquetColumn], to writer: inout ThriftCompactWriter) {
        writer.writeStruct { group in
            group.listField(1, of: .struct, count: rowGroup.columns.count)
            for (chunk, column) in zip(rowGroup.columns, columns) {
                writeColumnChunk(chunk, name: column.name, to: &group)
            }
            group.i64Field(2, rowGroup.totalUncompressedSize)
            group.i64Field(3, rowGroup.rowCount)
            group.i64Field(5, rowGroup.fileOffset)
            group.i64Field(6, rowGroup.totalCompressedSize)
            // ordinal is an i16: past 32,767 row groups it is simply left out (it is optional).
            if rowGroup.ordinal <= Int(Int16.max) {
                group.i16Field(7, Int16(rowGroup.ordinal))
            }
        }
    }

    /// ColumnChunk { 2: file_offset = 0, 3: meta_data }. parquet.thrift: "Writers should set
    /// this field to 0 if no ColumnMetaData has been written outside the footer".
    ///
    /// ColumnMetaData { 1: type, 2: encodings, 3: path_in_schema, 4: codec, 5: num_values,
    /// 6: total_uncompressed_size, 7: total_compressed_size, 9: data_page_offset,
    /// 11: dictionary_page_offset, 12: statistics, 13: encoding_stats }.
    private static func writeColumnChunk(_ chunk: EncodedColumnChunk, name: String, to writer: inout ThriftCompactWriter) {
        writer.writeStruct { columnChunk in
            columnChunk.i64Field(2, 0)
            columnChunk.structField(3) { meta in
                meta.i32Field(1, chunk.physicalType)
                meta.listField(2, of: .i32, count: chunk.encodings.count)
                for encoding in chunk.encodings { meta.writeI32(encoding) }
                meta.listField(3, of: .binary, count: 1)
                meta.writeBinary(Array(name.utf8))
                meta.i32Field(4, ParquetFormat.codecZstd)
                meta.i64Field(5, chunk.valueCount)
                meta.i64Field(6, chunk.totalUncompressedSize)
                meta.i64Field(7, chunk.totalCompressedSize)
                meta.i64Field(9, chunk.dataPageOffset)
                if let dictionaryPageOffset = chunk.dictionaryPageOffset {
                    meta.i64Field(11, dictionaryPageOffset)
                }
                meta.structField(12) { statistics in writeStatistics(chunk.statistics, to: &statistics) }
                // PageEncodingStats { 1: page_type, 2: encoding, 3: count }: lets readers see
                // that every data page is dictionary-encoded without reading the pages.
                let hasDictionary = chunk.dictionaryPageOffset != nil
                meta.listField(13, of: .struct, count: hasDictionary ? 2 : 1)
                if hasDictionary {
                    meta.writeStruct { stats in
                        stats.i32Field(1, ParquetFormat.pageTypeDictionary)
                        stats.i32Field(2, ParquetFormat.encodingPlain)
                        stats.i32Field(3, 1)
                    }
                }
                meta.writeStruct { stats in
                    stats.i32Field(1, ParquetFormat.pageTypeData)
                    stats.i32Field(2, chunk.dataPageEncoding)
                    stats.i32Field(3, Int32(clamping: chunk.dataPageCount))
                }
            }
        }
    }

    /// Statistics { 1: max, 2: min (deprecated, signed order only), 3: null_count,
    /// 5: max_value, 6: min_value, 7: is_max_value_exact, 8: is_min_value_exact }.
    /// The fields are written inside the caller's struct (the caller opens and closes it).
    static func writeStatistics(_ statistics: ChunkStatistics, to writer: inout ThriftCompactWriter) {
        if statistics.signedOrder, let maxValue = statistics.maxValue, let minValue = statistics.minValue {
            writer.binaryField(1, maxValue)
            writer.binaryField(2, minValue)
        }
        writer.i64Field(3, statistics.nullCount)
        if let maxValue = statistics.maxValue, let minValue = statistics.minValue {
            writer.binaryField(5, maxValue)
            writer.binaryField(6, minValue)
            writer.boolField(7, true)
            writer.boolField(8, true)
        }
    }
}
