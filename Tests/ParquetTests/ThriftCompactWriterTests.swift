import XCTest

@testable import Parquet

/// Known byte sequences of the Thrift Compact Protocol
/// (thrift doc/specs/thrift-compact-protocol.md), worked out by hand.
final class ThriftCompactWriterTests: XCTestCase {
    private func encoded(_ body: (inout ThriftCompactWriter) -> Void) -> [UInt8] {
        var writer = ThriftCompactWriter()
        body(&writer)
        return writer.bytes
    }

    func testZigzag() {
        XCTAssertEqual(ThriftCompactWriter.zigzag(Int32(0)), 0)
        XCTAssertEqual(ThriftCompactWriter.zigzag(Int32(-1)), 1)
        XCTAssertEqual(ThriftCompactWriter.zigzag(Int32(1)), 2)
        XCTAssertEqual(ThriftCompactWriter.zigzag(Int32(-2)), 3)
        XCTAssertEqual(ThriftCompactWriter.zigzag(Int32.max), 0xFFFF_FFFE)
        XCTAssertEqual(ThriftCompactWriter.zigzag(Int32.min), 0xFFFF_FFFF)
        XCTAssertEqual(ThriftCompactWriter.zigzag(Int64(-3)), 5)
        XCTAssertEqual(ThriftCompactWriter.zigzag(Int64.max), 0xFFFF_FFFF_FFFF_FFFE)
        XCTAssertEqual(ThriftCompactWriter.zigzag(Int64.min), 0xFFFF_FFFF_FFFF_FFFF)
    }

    func testVarints() {
        XCTAssertEqual(encoded { $0.writeVarint(0) }, [0x00])
        XCTAssertEqual(encoded { $0.writeVarint(127) }, [0x7F])
        XCTAssertEqual(encoded { $0.writeVarint(128) }, [0x80, 0x01])
        XCTAssertEqual(encoded { $0.writeVarint(300) }, [0xAC, 0x02])
        XCTAssertEqual(encoded { $0.writeVarint(UInt64.max) }, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
        // i32 -1 → zigzag 1; i64 150 → zigzag 300.
        XCTAssertEqual(encoded { $0.writeI32(-1) }, [0x01])
        XCTAssertEqual(encoded { $0.writeI64(150) }, [0xAC, 0x02])
        XCTAssertEqual(encoded { $0.writeI64(.min) }, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
    }

    func testFieldHeaderDeltaAndLongForm() {
        let bytes = encoded { writer in
            writer.writeStruct { fields in
                fields.i32Field(1, 5)  // delta 1: 0x15, zigzag 10
                fields.i32Field(20, 1)  // delta 19 > 15: long form 0x05, zigzag(20) = 40, then 2
                fields.i64Field(21, -1)  // delta 1 again: 0x16, zigzag 1
                fields.i32Field(3, 0)  // going backwards: long form 0x05, zigzag(3) = 6, then 0
            }
        }
        XCTAssertEqual(bytes, [0x15, 0x0A, 0x05, 0x28, 0x02, 0x16, 0x01, 0x05, 0x06, 0x00, 0x00])
    }

    func testDeltaOfExactlyFifteenIsShortForm() {
        let bytes = encoded { writer in
            writer.writeStruct { fields in fields.i32Field(15, 0) }
        }
        XCTAssertEqual(bytes, [0xF5, 0x00, 0x00])
    }

    func testBoolsLiveInTheTypeNibble() {
        let bytes = encoded { writer in
            writer.writeStruct { fields in
                fields.boolField(1, true)
                fields.boolField(2, false)
                fields.boolField(20, true)
            }
        }
        XCTAssertEqual(bytes, [0x11, 0x12, 0x01, 0x28, 0x00])
    }

    func testSmallIntegersAndBinary() {
        let bytes = encoded { writer in
            writer.writeStruct { fields in
                fields.i8Field(1, -2)
                fields.i16Field(2, 300)
                fields.stringField(3, "abc")
                fields.binaryField(4, [])
                fields.stringField(5, "协")
            }
        }
        XCTAssertEqual(bytes, [0x13, 0xFE, 0x14, 0xD8, 0x04, 0x18, 0x03, 0x61, 0x62, 0x63, 0x18, 0x00, 0x18, 0x03, 0xE5, 0x8D, 0x8F, 0x00])
    }

    func testListsShortAndLong() {
        let short = encoded { writer in
            writer.listField(1, of: .i32, count: 3)
            for value: Int32 in [1, 2, 3] { writer.writeI32(value) }
        }
        XCTAssertEqual(short, [0x19, 0x35, 0x02, 0x04, 0x06])

        let fourteen = encoded { writer in writer.writeListHeader(.binary, count: 14) }
        XCTAssertEqual(fourteen, [0xE8])
        let fifteen = encoded { writer in writer.writeListHeader(.binary, count: 15) }
        XCTAssertEqual(fifteen, [0xF8, 0x0F])
        let many = encoded { writer in writer.writeListHeader(.struct, count: 200) }
        XCTAssertEqual(many, [0xFC, 0xC8, 0x01])
        let empty = encoded { writer in writer.listField(4, of: .struct, count: 0) }
        XCTAssertEqual(empty, [0x49, 0x0C])
    }

    func testNestedStructRestartsFieldDeltas() {
        let bytes = encoded { writer in
            writer.writeStruct { outer in
                outer.i32Field(5, 1)
                outer.structField(6) { inner in
                    inner.i32Field(1, 0)  // delta from 0 inside the nested struct
                }
                outer.i32Field(7, 0)  // delta from 6, the outer struct's last field
            }
        }
        XCTAssertEqual(bytes, [0x55, 0x02, 0x1C, 0x15, 0x00, 0x00, 0x15, 0x00, 0x00])
    }

    func testListOfStructsAndUnion() {
        // list<ColumnOrder> with two elements, each union { 1: TypeDefinedOrder {} }.
        let bytes = encoded { writer in
            writer.writeStruct { file in
                file.listField(7, of: .struct, count: 2)
                for _ in 0..<2 {
                    file.writeStruct { order in order.emptyStructField(1) }
                }
            }
        }
        XCTAssertEqual(bytes, [0x79, 0x2C, 0x1C, 0x00, 0x00, 0x1C, 0x00, 0x00, 0x00])
    }

    /// parquet.thrift PageHeader with a DataPageHeader, by hand: type 0, sizes 10 and 12,
    /// 3 values, PLAIN, RLE levels.
    func testDataPageHeaderBytes() {
        let bytes = PageHeaderEncoder.dataPage(valueCount: 3, encoding: 0, uncompressedSize: 10, compressedSize: 12)
        XCTAssertEqual(bytes, [0x15, 0x00, 0x15, 0x14, 0x15, 0x18, 0x2C, 0x15, 0x06, 0x15, 0x00, 0x15, 0x06, 0x15, 0x06, 0x00, 0x00])
    }

    func testDictionaryPageHeaderBytes() {
        let bytes = PageHeaderEncoder.dictionaryPage(entryCount: 2, uncompressedSize: 10, compressedSize: 19)
        XCTAssertEqual(bytes, [0x15, 0x04, 0x15, 0x14, 0x15, 0x26, 0x4C, 0x15, 0x04, 0x15, 0x00, 0x00, 0x00])
    }

    /// The whole FileMetaData of a file with one REQUIRED INT32 column and no rows.
    func testFooterOfAnEmptyFile() {
        let bytes = FooterEncoder.fileMetaData(columns: [ParquetColumn(name: "n", type: .int32)], rowGroups: [])
        var expected: [UInt8] = [0x15, 0x02]  // 1: version 1
        expected += [0x19, 0x2C]  // 2: schema, list of 2 structs
        expected += [0x48, 0x06] + Array("schema".utf8) + [0x15, 0x02, 0x00]  // root: name, num_children 1
        expected += [0x15, 0x02, 0x25, 0x00, 0x18, 0x01, 0x6E, 0x00]  // leaf: INT32, REQUIRED, "n"
        expected += [0x16, 0x00]  // 3: num_rows 0
        expected += [0x19, 0x0C]  // 4: row_groups, empty list of structs
        expected += [0x28, 0x23] + Array("xiezuo parquet writer version 1.0.0".utf8)  // 6: created_by
        expected += [0x19, 0x1C, 0x1C, 0x00, 0x00]  // 7: column_orders [TYPE_ORDER {}]
        expected += [0x00]
        XCTAssertEqual(bytes, expected)
    }

    func testSchemaElementsCarryLogicalAndConvertedTypes() {
        let bytes = FooterEncoder.fileMetaData(
            columns: [
                ParquetColumn(name: "s", type: .string, optional: true),
                ParquetColumn(name: "d", type: .date),
                ParquetColumn(name: "m", type: .decimal(precision: 18, scale: 2)),
            ],
            rowGroups: []
        )
        // STRING leaf: BYTE_ARRAY, OPTIONAL, "s", UTF8, logicalType { 1: StringType {} }.
        let string: [UInt8] = [0x15, 0x0C, 0x25, 0x02, 0x18, 0x01, 0x73, 0x25, 0x00, 0x4C, 0x1C, 0x00, 0x00, 0x00]
        // DATE leaf: INT32, REQUIRED, "d", DATE (6), logicalType { 6: DateType {} }.
        let date: [UInt8] = [0x15, 0x02, 0x25, 0x00, 0x18, 0x01, 0x64, 0x25, 0x0C, 0x4C, 0x6C, 0x00, 0x00, 0x00]
        // DECIMAL leaf: INT64, REQUIRED, "m", DECIMAL (5), scale 2, precision 18,
        // logicalType { 5: DecimalType { 1: scale 2, 2: precision 18 } }.
        let decimal: [UInt8] = [
            0x15, 0x04, 0x25, 0x00, 0x18, 0x01, 0x6D, 0x25, 0x0A, 0x15, 0x04, 0x15, 0x24,
            0x2C, 0x5C, 0x15, 0x04, 0x15, 0x24, 0x00, 0x00, 0x00,
        ]
        for (name, element) in [("string", string), ("date", date), ("decimal", decimal)] {
            XCTAssertNotNil(bytes.firstRange(of: element), "\(name) schema element not found")
        }
    }

    func testStatisticsFields() {
        var writer = ThriftCompactWriter()
        writer.writeStruct { statistics in
            FooterEncoder.writeStatistics(
                ChunkStatistics(nullCount: 2, minValue: [0x61], maxValue: [0x7A], signedOrder: false),
                to: &statistics
            )
        }
        // 3: null_count 2, 5: max_value "z", 6: min_value "a", 7/8: exact = true.
        XCTAssertEqual(writer.bytes, [0x36, 0x04, 0x28, 0x01, 0x7A, 0x18, 0x01, 0x61, 0x11, 0x11, 0x00])

        var signed = ThriftCompactWriter()
        signed.writeStruct { statistics in
            FooterEncoder.writeStatistics(ChunkStatistics(nullCount: 0, minValue: nil, maxValue: nil, signedOrder: true), to: &statistics)
        }
        // All NULL: only null_count.
        XCTAssertEqual(signed.bytes, [0x36, 0x00, 0x00])
    }
}
