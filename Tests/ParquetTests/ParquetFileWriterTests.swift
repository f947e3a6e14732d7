import Foundation
import XCTest

@testable import Parquet

/// The writer's contract without external readers: file framing, determinism, schema and
/// row validation, and what happens to files that are never closed.
final class ParquetFileWriterTests: XCTestCase {
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

    private func expectError(_ body: () throws(ParquetError) -> Void, contains fragment: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            try body()
            XCTFail("expected an error containing \"\(fragment)\"", file: file, line: line)
        } catch {
            XCTAssertTrue(error.description.contains(fragment), "\(error.description)", file: file, line: line)
        }
    }

    private func writeAllTypes(to file: String, rowGroupRows: Int) throws {
        let writer = try ParquetFileWriter(path: file, columns: ExternalReaderTests.allTypes, rowGroupRows: rowGroupRows)
        for _ in 0..<3 {
            for row in ExternalReaderTests.allTypesRows { try writer.append(row) }
        }
        try writer.close()
    }

    func testSameRowsGiveIdenticalBytes() throws {
        let first = try path("first.parquet")
        let second = try path("second.parquet")
        try writeAllTypes(to: first, rowGroupRows: 50)
        try writeAllTypes(to: second, rowGroupRows: 50)
        let firstBytes = try Data(contentsOf: URL(fileURLWithPath: first))
        let secondBytes = try Data(contentsOf: URL(fileURLWithPath: second))
        XCTAssertGreaterThan(firstBytes.count, 100)
        XCTAssertEqual(firstBytes, secondBytes)
    }

    /// `PAR1 <data> <footer> <footer length, 4 bytes LE> PAR1`, the footer ending in a stop byte.
    func testFileFraming() throws {
        let file = try path("framing.parquet")
        try writeAllTypes(to: file, rowGroupRows: 1_000)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        XCTAssertEqual(Array(bytes.prefix(4)), Array("PAR1".utf8))
        XCTAssertEqual(Array(bytes.suffix(4)), Array("PAR1".utf8))
        let lengthBytes = bytes[(bytes.count - 8)..<(bytes.count - 4)]
        let footerLength = lengthBytes.reversed().reduce(0) { $0 << 8 | Int($1) }
        XCTAssertLessThan(footerLength, bytes.count - 12)
        let footerEnd = bytes.count - 8
        XCTAssertEqual(bytes[footerEnd - 1], 0x00, "FileMetaData ends with a stop byte")
        let footer = Array(bytes[(footerEnd - footerLength)..<footerEnd])
        XCTAssertNotNil(footer.firstRange(of: Array("xiezuo parquet writer version 1.0.0".utf8)))
    }

    func testEmptyFileIsSchemaOnly() throws {
        let file = try path("empty.parquet")
        let writer = try ParquetFileWriter(path: file, columns: [ParquetColumn(name: "n", type: .int32)])
        try writer.close()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        let footer = FooterEncoder.fileMetaData(columns: [ParquetColumn(name: "n", type: .int32)], rowGroups: [])
        var expected = Array("PAR1".utf8) + footer
        PlainEncoder.appendUInt32(UInt32(footer.count), to: &expected)
        expected += Array("PAR1".utf8)
        XCTAssertEqual(bytes, expected)
    }

    func testRejectedRowsLeaveTheWriterUsable() throws {
        let file = try path("rejects.parquet")
        let writer = try ParquetFileWriter(path: file, columns: [
            ParquetColumn(name: "name", type: .string),
            ParquetColumn(name: "amount", type: .decimal(precision: 4, scale: 2), optional: true),
        ])
        expectError({ () throws(ParquetError) in try writer.append([nil, nil]) }, contains: "column \"name\": NULL in a REQUIRED column")
        expectError({ () throws(ParquetError) in try writer.append([.int32(1), nil]) }, contains: "expected a .string value, got .int32")
        expectError({ () throws(ParquetError) in try writer.append([.string("x")]) }, contains: "a row has 1 values but the schema has 2 columns")
        expectError({ () throws(ParquetError) in try writer.append([.string("x"), .decimal(10_000)]) }, contains: "does not fit DECIMAL(4, 2)")
        expectError({ () throws(ParquetError) in try writer.append([.string("x"), .decimal(-10_000)]) }, contains: "does not fit DECIMAL(4, 2)")
        // A rejected value in the second column must not leave the first column one row ahead.
        try writer.append([.string("ok"), .decimal(9_999)])
        try writer.append([.string("ok"), .decimal(-9_999)])
        try writer.close()
        expectError({ () throws(ParquetError) in try writer.append([.string("late"), nil]) }, contains: "already closed")
        expectError({ () throws(ParquetError) in try writer.close() }, contains: "already closed")
    }

    func testSchemaValidation() throws {
        let file = try path("schema.parquet")
        expectError({ () throws(ParquetError) in _ = try ParquetFileWriter(path: file, columns: []) }, contains: "no columns")
        expectError(
            { () throws(ParquetError) in
                _ = try ParquetFileWriter(path: file, columns: [ParquetColumn(name: "a", type: .int32), ParquetColumn(name: "a", type: .int64)])
            },
            contains: "column \"a\": the column name appears twice"
        )
        expectError({ () throws(ParquetError) in _ = try ParquetFileWriter(path: file, columns: [ParquetColumn(name: "", type: .int32)]) }, contains: "empty name")
        expectError(
            { () throws(ParquetError) in _ = try ParquetFileWriter(path: file, columns: [ParquetColumn(name: "n", type: .int32, dictionary: true)]) },
            contains: "dictionary encoding is only supported for .string columns"
        )
        expectError(
            { () throws(ParquetError) in _ = try ParquetFileWriter(path: file, columns: [ParquetColumn(name: "m", type: .decimal(precision: 19, scale: 2))]) },
            contains: "DECIMAL(19, 2) is not supported"
        )
        expectError(
            { () throws(ParquetError) in _ = try ParquetFileWriter(path: file, columns: [ParquetColumn(name: "m", type: .decimal(precision: 2, scale: 3))]) },
            contains: "DECIMAL(2, 3) is not supported"
        )
        expectError(
            { () throws(ParquetError) in _ = try ParquetFileWriter(path: file, columns: [ParquetColumn(name: "n", type: .int32)], rowGroupRows: 0) },
            contains: "rowGroupRows 0"
        )
        expectError(
            { () throws(ParquetError) in _ = try ParquetFileWriter(path: file, columns: [ParquetColumn(name: "n", type: .int32)], compressionLevel: 99) },
            contains: "zstd compression level 99"
        )
    }

    func testMissingDirectoryIsReported() throws {
        let file = try path("missing/dir/out.parquet")
        expectError(
            { () throws(ParquetError) in _ = try ParquetFileWriter(path: file, columns: [ParquetColumn(name: "n", type: .int32)]) },
            contains: "cannot create the file"
        )
    }

    /// A writer dropped without close() must not leave a footer-less file behind.
    func testUnclosedFileIsRemoved() throws {
        let file = try path("unclosed.parquet")
        do {
            let writer = try ParquetFileWriter(path: file, columns: [ParquetColumn(name: "n", type: .int32)], rowGroupRows: 2)
            for value in 0..<5 { try writer.append([.int32(Int32(value))]) }
            XCTAssertTrue(FileManager.default.fileExists(atPath: file))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
    }

    func testErrorDescriptionNamesFileAndColumn() {
        let error = ParquetError(path: "/out/facts.parquet", column: "amount", message: "NULL in a REQUIRED column")
        XCTAssertEqual(error.description, "cannot write Parquet file /out/facts.parquet, column \"amount\": NULL in a REQUIRED column")
        XCTAssertEqual(ParquetError(path: "/out/x.parquet", message: "m").description, "cannot write Parquet file /out/x.parquet: m")
    }
}
