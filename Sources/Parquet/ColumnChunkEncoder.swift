/// Turns one buffered column of a row group into a column chunk: an optional dictionary
/// page followed by data pages v1, each a PageHeader plus a ZSTD-compressed body
/// (parquet-format README, "File format" and "Data Pages").
///
/// A data page v1 body is `definition levels, values` (no repetition levels: the schema is
/// flat). For OPTIONAL columns the definition levels (max level 1) are the RLE/bit-packing
/// hybrid with bit width 1, preceded by their byte length as a 4-byte little-endian integer
/// (Encodings.md: the length prefix is present in data page v1). Values are PLAIN, or for a
/// dictionary chunk a bit-width byte followed by the hybrid-encoded indices.
struct ColumnChunkEncoder {
    let compressor: ZstdCompressor
    /// Target uncompressed size of a data page: pages are cut at the first row that reaches it.
    let pageSizeTarget: Int
    let maximumDictionaryEntries: Int
    let maximumDictionaryBytes: Int

    /// Appends the chunk's pages to `output`, whose first byte will be at `fileOffset` in
    /// the file, and returns the chunk's metadata.
    func encode(_ buffer: ColumnBuffer, at fileOffset: Int64, into output: inout [UInt8]) throws(ParquetError) -> EncodedColumnChunk {
        let column = buffer.column
        let startCount = output.count
        var uncompressedTotal: Int64 = 0
        var dictionaryPageOffset: Int64?

        var dictionary: DictionaryBuilder?
        var indices: [UInt32] = []
        if column.dictionary, case .string = column.type {
            (dictionary, indices) = buildDictionary(buffer)
        }

        if let dictionary {
            dictionaryPageOffset = fileOffset
            let body = dictionary.plainEncoded()
            let compressed = try compressor.compress(body, column: column.name)
            let header = PageHeaderEncoder.dictionaryPage(
                entryCount: Int32(dictionary.entries.count),
                uncompressedSize: try int32Size(body.count, column: column.name),
                compressedSize: try int32Size(compressed.count, column: column.name)
            )
            output.append(contentsOf: header)
            output.append(contentsOf: compressed)
            uncompressedTotal += Int64(header.count + body.count)
        }

        let dataPageOffset = fileOffset + Int64(output.count - startCount)
        let dataEncoding = dictionary == nil ? ParquetFormat.encodingPlain : ParquetFormat.encodingRLEDictionary
        let indexBitWidth = dictionary?.indexBitWidth ?? 0
        let pages = pageRanges(buffer, indexBitWidth: dictionary == nil ? nil : indexBitWidth)
        var body: [UInt8] = []
        var levels: [UInt8] = []
        for page in pages {
            body.removeAll(keepingCapacity: true)
            if column.optional {
                levels.removeAll(keepingCapacity: true)
                RLEHybridEncoder.encode(buffer.definitionLevels[page.rows], bitWidth: 1, into: &levels)
                PlainEncoder.appendUInt32(UInt32(levels.count), to: &body)
                body.append(contentsOf: levels)
            }
            if dictionary != nil {
                body.append(UInt8(indexBitWidth))
                RLEHybridEncoder.encode(indices[page.values], bitWidth: indexBitWidth, into: &body)
            } else {
                appendPlainValues(buffer, page.values, to: &body)
            }
            let compressed = try compressor.compress(body, column: column.name)
            let header = PageHeaderEncoder.dataPage(
                valueCount: Int32(page.rows.count),
                encoding: dataEncoding,
                uncompressedSize: try int32Size(body.count, column: column.name),
                compressedSize: try int32Size(compressed.count, column: column.name)
            )
            output.append(contentsOf: header)
            output.append(contentsOf: compressed)
            uncompressedTotal += Int64(header.count + body.count)
        }

        var encodings: Set<Int32> = [ParquetFormat.encodingPlain, ParquetFormat.encodingRLE]
        if dictionary != nil { encodings.insert(ParquetFormat.encodingRLEDictionary) }
        return EncodedColumnChunk(
            physicalType: ParquetFormat.physicalType(of: column.type),
            encodings: encodings.sorted(),
            valueCount: Int64(buffer.rowCount),
            totalUncompressedSize: uncompressedTotal,
            totalCompressedSize: Int64(output.count - startCount),
            dataPageOffset: dataPageOffset,
            dictionaryPageOffset: dictionaryPageOffset,
            dataPageCount: pages.count,
            dataPageEncoding: dataEncoding,
            statistics: statistics(buffer, dictionary: dictionary)
        )
    }

    // MARK: Dictionary

    /// The dictionary and each present value's index, or `(nil, [])` when the dictionary
    /// outgrows its limits (or would be empty) and the chunk must be PLAIN.
    private func buildDictionary(_ buffer: ColumnBuffer) -> (DictionaryBuilder?, [UInt32]) {
        var builder = DictionaryBuilder(maximumEntries: maximumDictionaryEntries, maximumPlainBytes: maximumDictionaryBytes)
        var indices: [UInt32] = []
        indices.reserveCapacity(buffer.valueCount)
        for valueIndex in 0..<buffer.valueCount {
            guard let index = builder.index(of: buffer.byteArray(at: valueIndex)) else { return (nil, []) }
            indices.append(index)
        }
        // An all-NULL chunk has nothing to look up: a PLAIN chunk with no values is simpler
        // for readers than an empty dictionary page.
        return builder.entries.isEmpty ? (nil, []) : (builder, indices)
    }

    // MARK: Pages

    /// Splits the chunk into pages of about `pageSizeTarget` uncompressed bytes. Pages end on
    /// row boundaries (trivially: one value per row). `rows` indexes rows (definition
    /// levels), `values` indexes present values.
    private func pageRanges(_ buffer: ColumnBuffer, indexBitWidth: Int?) -> [(rows: Range<Int>, values: Range<Int>)] {
        let targetBits = max(pageSizeTarget, 1) * 8
        let levelBits = buffer.column.optional ? 1 : 0
        var ranges: [(rows: Range<Int>, values: Range<Int>)] = []
        var rowStart = 0
        var valueStart = 0
        var valueIndex = 0
        var bits = 0
        for row in 0..<buffer.rowCount {
            bits += levelBits
            if !buffer.column.optional || buffer.definitionLevels[row] != 0 {
                bits += valueBits(buffer, valueIndex, indexBitWidth: indexBitWidth)
                valueIndex += 1
            }
            if bits >= targetBits {
                ranges.append((rowStart..<(row + 1), valueStart..<valueIndex))
                rowStart = row + 1
                valueStart = valueIndex
                bits = 0
            }
        }
        if rowStart < buffer.rowCount || ranges.isEmpty {
            ranges.append((rowStart..<buffer.rowCount, valueStart..<valueIndex))
        }
        return ranges
    }

    /// The size in bits of one encoded value, for page splitting.
    private func valueBits(_ buffer: ColumnBuffer, _ valueIndex: Int, indexBitWidth: Int?) -> Int {
        if let indexBitWidth { return indexBitWidth }
        switch buffer.column.type {
        case .int32, .date: return 32
        case .int64, .decimal: return 64
        case .string: return (4 + buffer.byteArrayOffsets[valueIndex + 1] - buffer.byteArrayOffsets[valueIndex]) * 8
        }
    }

    private func appendPlainValues(_ buffer: ColumnBuffer, _ values: Range<Int>, to body: inout [UInt8]) {
        switch buffer.column.type {
        case .int32, .date:
            PlainEncoder.appendInt32s(buffer.int32Values[values], to: &body)
        case .int64, .decimal:
            PlainEncoder.appendInt64s(buffer.int64Values[values], to: &body)
        case .string:
            guard !values.isEmpty else { return }
            body.reserveCapacity(body.count + 4 * values.count + buffer.byteArrayOffsets[values.upperBound] - buffer.byteArrayOffsets[values.lowerBound])
            for valueIndex in values {
                PlainEncoder.appendByteArray(buffer.byteArray(at: valueIndex), to: &body)
            }
        }
    }

    // MARK: Statistics

    /// Longest string min/max written; longer bounds are left out (the chunk then simply
    /// cannot be pruned by readers) rather than bloating the footer.
    static let maximumStatisticsBytes = 4096

    /// null_count always; min/max when at least one value is present. Strings compare as
    /// unsigned bytes (ColumnOrder TypeDefinedOrder for UTF8), integers signed.
    private func statistics(_ buffer: ColumnBuffer, dictionary: DictionaryBuilder?) -> ChunkStatistics {
        var statistics = ChunkStatistics(nullCount: Int64(buffer.nullCount), minValue: nil, maxValue: nil, signedOrder: true)
        switch buffer.column.type {
        case .int32, .date:
            if let low = buffer.int32Values.min(), let high = buffer.int32Values.max() {
                var minBytes: [UInt8] = []
                var maxBytes: [UInt8] = []
                PlainEncoder.appendInt32(low, to: &minBytes)
                PlainEncoder.appendInt32(high, to: &maxBytes)
                statistics.minValue = minBytes
                statistics.maxValue = maxBytes
            }
        case .int64, .decimal:
            if let low = buffer.int64Values.min(), let high = buffer.int64Values.max() {
                var minBytes: [UInt8] = []
                var maxBytes: [UInt8] = []
                PlainEncoder.appendInt64(low, to: &minBytes)
                PlainEncoder.appendInt64(high, to: &maxBytes)
                statistics.minValue = minBytes
                statistics.maxValue = maxBytes
            }
        case .string:
            statistics.signedOrder = false
            let bounds: (ArraySlice<UInt8>, ArraySlice<UInt8>)?
            if let dictionary {
                // The dictionary holds every distinct value once: scanning it is enough.
                bounds = ColumnChunkEncoder.unsignedBounds(dictionary.entries.count) { dictionary.entries[$0] }
            } else {
                bounds = ColumnChunkEncoder.unsignedBounds(buffer.valueCount) { buffer.byteArray(at: $0) }
            }
            if let (low, high) = bounds,
                low.count <= ColumnChunkEncoder.maximumStatisticsBytes, high.count <= ColumnChunkEncoder.maximumStatisticsBytes
            {
                statistics.minValue = Array(low)
                statistics.maxValue = Array(high)
            }
        }
        return statistics
    }

    /// The smallest and largest of `count` byte strings in unsigned byte-wise order
    /// (`UInt8` comparison; a shorter prefix sorts first), or `nil` if there are none.
    private static func unsignedBounds(
        _ count: Int, _ value: (Int) -> ArraySlice<UInt8>
    ) -> (ArraySlice<UInt8>, ArraySlice<UInt8>)? {
        guard count > 0 else { return nil }
        var low = value(0)
        var high = low
        for index in 1..<count {
            let candidate = value(index)
            if candidate.lexicographicallyPrecedes(low) { low = candidate }
            if high.lexicographicallyPrecedes(candidate) { high = candidate }
        }
        return (low, high)
    }

    private func int32Size(_ size: Int, column: String) throws(ParquetError) -> Int32 {
        guard let size = Int32(exactly: size) else {
            throw ParquetError(
                path: compressor.path, column: column,
                message: "a page of \(size) bytes exceeds Parquet's 2 GiB page limit; store such values outside the table"
            )
        }
        return size
    }
}
