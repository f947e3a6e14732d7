import Foundation
import XCTest

@testable import Parquet

/// Writes files and reads them back with pyarrow and DuckDB (see `ExternalReaders` and
/// `Scripts/`): schema, every value, row groups, statistics and encodings. These are the
/// tests that prove the files open in the analysts' tools, not just that our bytes match
/// our own idea of the format.
final class ExternalReaderTests: XCTestCase {
    private var directory: TemporaryDirectory?

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory?.remove()
    }

    private func path(_ name: String) throws -> String {
        try XCTUnwrap(directory).path(name)
    }

    private func write(
        _ path: String, columns: [ParquetColumn], rows: [[ParquetValue?]], rowGroupRows: Int = 131_072,
        pageSizeTarget: Int = 1 << 20, maximumDictionaryEntries: Int = 65_536, maximumDictionaryBytes: Int = 1 << 20
    ) throws {
        let writer = try ParquetFileWriter(
            path: path, columns: columns, rowGroupRows: rowGroupRows, compressionLevel: 3,
            pageSizeTarget: pageSizeTarget, maximumDictionaryEntries: maximumDictionaryEntries,
            maximumDictionaryBytes: maximumDictionaryBytes
        )
        for row in rows { try writer.append(row) }
        try writer.close()
    }

    static let allTypes = [
        ParquetColumn(name: "name", type: .string),
        ParquetColumn(name: "region", type: .string, optional: true, dictionary: true),
        ParquetColumn(name: "note", type: .string, optional: true),
        ParquetColumn(name: "count", type: .int32),
        ParquetColumn(name: "total", type: .int64, optional: true),
        ParquetColumn(name: "day", type: .date, optional: true),
        ParquetColumn(name: "amount", type: .decimal(precision: 18, scale: 2), optional: true),
    ]

    /// Edge values first, then ordinary rows with NULLs sprinkled in every optional column.
    static var allTypesRows: [[ParquetValue?]] {
        var rows: [[ParquetValue?]] = [
            [.string("北京市"), .string("广东"), .string("协作，\"对口\"\n第二行"), .int32(.min), .int64(.min), .date(-719_162), .decimal(164_000_000_000)],
            [.string(""), .string(""), .string(""), .int32(.max), .int64(.max), .date(2_932_896), .decimal(5)],
            [.string("a,b"), nil, nil, .int32(0), nil, nil, nil],
            [.string("é"), .string("e\u{301}"), .string("😀 emoji, 表情"), .int32(-1), .int64(-1), .date(-1), .decimal(-5)],
            [.string("z"), .string("é"), .string("\"quoted\"\r\n'single'"), .int32(1), .int64(0), .date(0), .decimal(999_999_999_999_999_999)],
            [.string("Zürich\r\n"), .string("广西"), .string("tab\tseparated; 分号"), .int32(42), .int64(1), .date(19_723), .decimal(-999_999_999_999_999_999)],
        ]
        let regions: [String?] = ["广东", "贵州", "广西", nil]
        for index in 0..<40 {
            rows.append([
                .string("行\(index)"),
                regions[index % 4].map { .string($0) },
                index % 3 == 0 ? nil : .string("备注 \(index), \"x\""),
                .int32(Int32(index * 7 - 100)),
                index % 5 == 0 ? nil : .int64(Int64(index) * 1_000_000_007),
                index % 6 == 0 ? nil : .date(Int32(18_000 + index)),
                index % 7 == 0 ? nil : .decimal(Int64(index * 12_345 - 100_000)),
            ])
        }
        return rows
    }

    func testEveryTypeWithNullsAndEdgeValues() throws {
        let file = try path("all-types.parquet")
        let rows = Self.allTypesRows
        try write(file, columns: Self.allTypes, rows: rows)
        ExternalReaders.verify(file, columns: Self.allTypes, rows: rows, rowGroupRows: 131_072)
    }

    func testZeroRows() throws {
        let file = try path("empty.parquet")
        try write(file, columns: Self.allTypes, rows: [])
        ExternalReaders.verify(file, columns: Self.allTypes, rows: [], rowGroupRows: 131_072)
    }

    func testOneRow() throws {
        let file = try path("one.parquet")
        let rows = [Self.allTypesRows[0]]
        try write(file, columns: Self.allTypes, rows: rows)
        ExternalReaders.verify(file, columns: Self.allTypes, rows: rows, rowGroupRows: 131_072)
    }

    func testOneRowOfNulls() throws {
        let file = try path("one-null.parquet")
        let rows: [[ParquetValue?]] = [[.string("only required"), nil, nil, .int32(7), nil, nil, nil]]
        try write(file, columns: Self.allTypes, rows: rows)
        ExternalReaders.verify(file, columns: Self.allTypes, rows: rows, rowGroupRows: 131_072)
    }

    /// 2,500 rows in row groups of 1,000: three row groups, the last one short, each with
    /// its own statistics and dictionary.
    func testSeveralRowGroups() throws {
        let file = try path("row-groups.parquet")
        let columns = [
            ParquetColumn(name: "id", type: .int64),
            ParquetColumn(name: "city", type: .string, optional: true, dictionary: true),
            ParquetColumn(name: "label", type: .string),
            ParquetColumn(name: "day", type: .date),
            ParquetColumn(name: "amount", type: .decimal(precision: 18, scale: 2), optional: true),
            ParquetColumn(name: "jobs", type: .int32, optional: true),
        ]
        let cities = ["深圳", "广州", "贵阳", "南宁", "遵义", "毕节", "黔东南"]
        let rows: [[ParquetValue?]] = (0..<2_500).map { index in
            [
                .int64(Int64(index) - 1_250),
                index % 11 == 0 ? nil : .string(cities[(index * 7) % cities.count]),
                .string("标签-\(2_500 - index)"),
                .date(Int32(19_000 + index / 3)),
                index % 13 == 0 ? nil : .decimal(Int64(index) * 1_000_003 - 700_000_000),
                index % 2 == 0 ? nil : .int32(Int32(index % 97)),
            ]
        }
        try write(file, columns: columns, rows: rows, rowGroupRows: 1_000)
        ExternalReaders.verify(file, columns: columns, rows: rows, rowGroupRows: 1_000)
    }

    /// Tiny pages and a tiny dictionary limit: many pages per chunk, dictionary chunks next
    /// to chunks that fell back to PLAIN (too many entries, too many bytes, or all NULL),
    /// long NULL runs (RLE runs mixed with bit-packed runs), and a string too long for
    /// min/max statistics.
    func testManyPagesAndDictionaryFallback() throws {
        let file = try path("pages.parquet")
        let columns = [
            ParquetColumn(name: "low", type: .string, dictionary: true),
            ParquetColumn(name: "high", type: .string, optional: true, dictionary: true),
            ParquetColumn(name: "wide", type: .string, dictionary: true),
            ParquetColumn(name: "runs", type: .int32, optional: true),
            ParquetColumn(name: "big", type: .string, optional: true),
        ]
        let longText = String(repeating: "长", count: 2_000)  // 6,000 UTF-8 bytes
        let rows: [[ParquetValue?]] = (0..<3_000).map { index in
            let group = index / 1_000
            let high: ParquetValue?
            switch group {
            case 0: high = .string("distinct \(index)")  // 1,000 entries > 100: PLAIN
            case 1: high = .string("few \(index % 30)")  // 30 entries: dictionary
            default: high = nil  // all NULL: PLAIN
            }
            return [
                .string("v\(index % 50)"),
                high,
                .string(String(repeating: Character(UnicodeScalar(UInt8(65 + index % 20))), count: 100)),
                (index / 37) % 2 == 0 ? nil : .int32(Int32(index)),
                index % 5 == 0 ? nil : .string(group == 1 && index == 1_500 ? longText : "b\(index)"),
            ]
        }
        try write(
            file, columns: columns, rows: rows, rowGroupRows: 1_000,
            pageSizeTarget: 200, maximumDictionaryEntries: 100, maximumDictionaryBytes: 1_000
        )
        ExternalReaders.verify(
            file, columns: columns, rows: rows, rowGroupRows: 1_000,
            maximumDictionaryEntries: 100, maximumDictionaryBytes: 1_000
        )
    }

    /// A byte bound closes row groups before `rowGroupRows`: 16-byte rows (two INT64 columns)
    /// under a 160-byte bound give row groups of 10 rows, read back as such by both readers.
    func testRowGroupsCloseAtTheByteBound() throws {
        let file = try path("bytes.parquet")
        let columns = [ParquetColumn(name: "a", type: .int64), ParquetColumn(name: "b", type: .int64)]
        let rows: [[ParquetValue?]] = (0..<95).map { [.int64(Int64($0)), .int64(Int64($0) * 7)] }
        let writer = try ParquetFileWriter(path: file, columns: columns, rowGroupRows: 1_000, rowGroupBytes: 160)
        for row in rows { try writer.append(row) }
        try writer.close()
        ExternalReaders.verify(file, columns: columns, rows: rows, rowGroupRows: 10)
    }

    /// The production limits (1 MiB pages, 128 Ki-row groups) on 140,000 rows: a full-size
    /// row group whose string chunk splits into four pages and whose INT64 chunk is exactly
    /// 1 MiB (one page, no empty trailing page), then a short row group.
    func testDefaultLimitsOnLargeRowGroups() throws {
        let file = try path("large.parquet")
        let columns = [
            ParquetColumn(name: "id", type: .int64),
            ParquetColumn(name: "label", type: .string),
            ParquetColumn(name: "category", type: .string, optional: true, dictionary: true),
        ]
        let categories = ["investment", "jobs", "projects"]
        var rows: [[ParquetValue?]] = []
        rows.reserveCapacity(140_000)
        for index in 0..<140_000 {
            let category: ParquetValue? = index % 10 == 0 ? nil : .string(categories[index % 3])
            rows.append([.int64(Int64(index) * 3), .string("label-\(index)-abcdefghij"), category])
        }
        try write(file, columns: columns, rows: rows)
        ExternalReaders.verify(file, columns: columns, rows: rows, rowGroupRows: 131_072)
    }
}
