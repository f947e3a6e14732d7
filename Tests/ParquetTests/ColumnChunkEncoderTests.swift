import XCTest

@testable import Parquet

/// Page layout of column chunks, checked byte for byte: page headers, the 4-byte length
/// before v1 definition levels, PLAIN values, the dictionary page, the bit-width byte
/// before dictionary indices (parquet-format README "Data Pages", Encodings.md).
final class ColumnChunkEncoderTests: XCTestCase {
    private func makeEncoder(pageSizeTarget: Int = 1 << 20) throws -> ColumnChunkEncoder {
        ColumnChunkEncoder(
            compressor: try ZstdCompressor(level: 3, path: "test.parquet"),
            pageSizeTarget: pageSizeTarget, maximumDictionaryEntries: 65_536, maximumDictionaryBytes: 1 << 20
        )
    }

    private func buffer(_ column: ParquetColumn, _ values: [ParquetValue?]) -> ColumnBuffer {
        var buffer = ColumnBuffer(column: column)
        for value in values { buffer.append(value) }
        return buffer
    }

    /// Appends one page as the encoder must write it: header, then the zstd frame of `body`.
    private func appendPage(dictionary: Bool, values: Int32, encoding: Int32 = 0, body: [UInt8], to output: inout [UInt8]) throws {
        let compressed = try ZstdCompressor(level: 3, path: "test.parquet").compress(body, column: "c")
        let header = dictionary
            ? PageHeaderEncoder.dictionaryPage(entryCount: values, uncompressedSize: Int32(body.count), compressedSize: Int32(compressed.count))
            : PageHeaderEncoder.dataPage(valueCount: values, encoding: encoding, uncompressedSize: Int32(body.count), compressedSize: Int32(compressed.count))
        output += header + compressed
    }

    func testRequiredInt32PlainPage() throws {
        let column = ParquetColumn(name: "c", type: .int32)
        var output: [UInt8] = []
        let chunk = try makeEncoder().encode(buffer(column, [.int32(1), .int32(-1)]), at: 4, into: &output)
        var expected: [UInt8] = []
        try appendPage(dictionary: false, values: 2, body: [1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF], to: &expected)
        XCTAssertEqual(output, expected)
        XCTAssertEqual(chunk.dataPageOffset, 4)
        XCTAssertNil(chunk.dictionaryPageOffset)
        XCTAssertEqual(chunk.valueCount, 2)
        XCTAssertEqual(chunk.totalCompressedSize, Int64(output.count))
        XCTAssertEqual(chunk.encodings, [ParquetFormat.encodingPlain, ParquetFormat.encodingRLE])
        XCTAssertEqual(chunk.statistics, ChunkStatistics(nullCount: 0, minValue: [0xFF, 0xFF, 0xFF, 0xFF], maxValue: [1, 0, 0, 0], signedOrder: true))
    }

    func testOptionalColumnWritesLengthPrefixedLevels() throws {
        let column = ParquetColumn(name: "c", type: .int64, optional: true)
        var output: [UInt8] = []
        let chunk = try makeEncoder().encode(buffer(column, [.int64(7), nil, .int64(-2)]), at: 0, into: &output)
        // Levels 1, 0, 1 → bit-packed [0x03, 0x05], prefixed by their length 2 (4 bytes LE).
        var body: [UInt8] = [2, 0, 0, 0, 0x03, 0x05]
        body += [7, 0, 0, 0, 0, 0, 0, 0]
        body += [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
        var expected: [UInt8] = []
        try appendPage(dictionary: false, values: 3, body: body, to: &expected)
        XCTAssertEqual(output, expected)
        XCTAssertEqual(chunk.statistics.nullCount, 1)
        XCTAssertEqual(chunk.statistics.minValue, [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        XCTAssertEqual(chunk.statistics.maxValue, [7, 0, 0, 0, 0, 0, 0, 0])
    }

    func testDictionaryChunk() throws {
        let column = ParquetColumn(name: "c", type: .string, optional: true, dictionary: true)
        var output: [UInt8] = []
        let chunk = try makeEncoder().encode(buffer(column, [.string("b"), .string("a"), nil, .string("b")]), at: 100, into: &output)
        var expected: [UInt8] = []
        try appendPage(dictionary: true, values: 2, body: [1, 0, 0, 0, 0x62, 1, 0, 0, 0, 0x61], to: &expected)
        let dataPageOffset = 100 + Int64(expected.count)
        // Levels 1, 1, 0, 1 → [0x03, 0x0B]; indices 0, 1, 0 at bit width 1 → [0x01, 0x03, 0x02].
        try appendPage(dictionary: false, values: 4, encoding: 8, body: [2, 0, 0, 0, 0x03, 0x0B, 0x01, 0x03, 0x02], to: &expected)
        XCTAssertEqual(output, expected)
        XCTAssertEqual(chunk.dictionaryPageOffset, 100)
        XCTAssertEqual(chunk.dataPageOffset, dataPageOffset)
        XCTAssertEqual(chunk.dataPageEncoding, ParquetFormat.encodingRLEDictionary)
        XCTAssertEqual(chunk.encodings, [0, 3, 8])
        XCTAssertEqual(chunk.statistics, ChunkStatistics(nullCount: 1, minValue: [0x61], maxValue: [0x62], signedOrder: false))
    }

    func testStringStatisticsUseUnsignedByteOrder() throws {
        let column = ParquetColumn(name: "c", type: .string)
        var output: [UInt8] = []
        // "é" starts with 0xC3 and "😀" with 0xF0: above "z" unsigned, below it signed.
        let chunk = try makeEncoder().encode(buffer(column, [.string("z"), .string("😀"), .string("é"), .string("")]), at: 0, into: &output)
        XCTAssertEqual(chunk.statistics.minValue, [])
        XCTAssertEqual(chunk.statistics.maxValue, Array("😀".utf8))
        XCTAssertFalse(chunk.statistics.signedOrder)
    }

    func testOverlongStringBoundsAreLeftOut() throws {
        let column = ParquetColumn(name: "c", type: .string)
        var output: [UInt8] = []
        let long = String(repeating: "x", count: ColumnChunkEncoder.maximumStatisticsBytes + 1)
        let chunk = try makeEncoder().encode(buffer(column, [.string("a"), .string(long)]), at: 0, into: &output)
        XCTAssertNil(chunk.statistics.minValue)
        XCTAssertNil(chunk.statistics.maxValue)
        XCTAssertEqual(chunk.statistics.nullCount, 0)
    }

    func testAllNullDictionaryColumnIsPlain() throws {
        let column = ParquetColumn(name: "c", type: .string, optional: true, dictionary: true)
        var output: [UInt8] = []
        let chunk = try makeEncoder().encode(buffer(column, [nil, nil]), at: 0, into: &output)
        XCTAssertNil(chunk.dictionaryPageOffset)
        XCTAssertEqual(chunk.dataPageEncoding, ParquetFormat.encodingPlain)
        XCTAssertNil(chunk.statistics.minValue)
        XCTAssertEqual(chunk.statistics.nullCount, 2)
    }

    func testDictionaryFallsBackToPlainPastItsLimit() throws {
        let encoder = ColumnChunkEncoder(
            compressor: try ZstdCompressor(level: 3, path: "test.parquet"),
            pageSizeTarget: 1 << 20, maximumDictionaryEntries: 2, maximumDictionaryBytes: 1 << 20
        )
        let column = ParquetColumn(name: "c", type: .string, dictionary: true)
        var output: [UInt8] = []
        let chunk = try encoder.encode(buffer(column, [.string("a"), .string("b"), .string("c")]), at: 0, into: &output)
        XCTAssertNil(chunk.dictionaryPageOffset)
        XCTAssertEqual(chunk.encodings, [0, 3])
        XCTAssertEqual(chunk.statistics.minValue, [0x61])
        XCTAssertEqual(chunk.statistics.maxValue, [0x63])
    }

    /// Each page is its header, whose compressed_page_size covers exactly the rest, then one
    /// zstd frame that libzstd decompresses to uncompressed_page_size bytes: the body.
    func testPageIsHeaderThenOneZstdFrame() throws {
        let column = ParquetColumn(name: "c", type: .string)
        var output: [UInt8] = []
        _ = try makeEncoder().encode(buffer(column, [.string("协作"), .string("")]), at: 0, into: &output)
        let body: [UInt8] = [6, 0, 0, 0, 0xE5, 0x8D, 0x8F, 0xE4, 0xBD, 0x9C, 0, 0, 0, 0]
        let frameSizes = (1..<output.count).filter { size in
            let header = PageHeaderEncoder.dataPage(valueCount: 2, encoding: 0, uncompressedSize: Int32(body.count), compressedSize: Int32(size))
            return header.count + size == output.count && Array(output.prefix(header.count)) == header
        }
        let frameSize = try XCTUnwrap(frameSizes.first, "no header matches the page")
        XCTAssertEqual(ZstdCompressor.decompress(Array(output.suffix(frameSize)), size: body.count), body)
    }

    /// A page ends at the first row that reaches the target: 125 INT64 values of 8 bytes fill
    /// a 1,000-byte page exactly, with no empty page after it.
    func testChunkOfExactlyOnePageSize() throws {
        let column = ParquetColumn(name: "c", type: .int64)
        var output: [UInt8] = []
        let values: [ParquetValue?] = (0..<125).map { .int64(Int64($0)) }
        let chunk = try makeEncoder(pageSizeTarget: 1_000).encode(buffer(column, values), at: 0, into: &output)
        XCTAssertEqual(chunk.dataPageCount, 1)
    }

    /// 1,000 INT64 values with a 1,000-byte page target: 8,000 bytes → 8 pages of 125 values.
    func testPagesSplitAtTheTargetSize() throws {
        let column = ParquetColumn(name: "c", type: .int64)
        var output: [UInt8] = []
        let values: [ParquetValue?] = (0..<1_000).map { .int64(Int64($0)) }
        let chunk = try makeEncoder(pageSizeTarget: 1_000).encode(buffer(column, values), at: 0, into: &output)
        XCTAssertEqual(chunk.dataPageCount, 8)
        XCTAssertEqual(chunk.totalCompressedSize, Int64(output.count))
        XCTAssertGreaterThan(chunk.totalUncompressedSize, 8_000)
    }
}
