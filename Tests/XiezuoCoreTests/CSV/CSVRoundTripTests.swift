import XCTest

@testable import XiezuoCore

final class CSVRoundTripTests: XCTestCase {
    private func encode(_ rows: [[CSVField]], crlf: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        var scratch: [UInt8] = []
        for row in rows { CSVEncoder(crlf: crlf).append(row, to: &output, scratch: &scratch) }
        return output
    }

    func testTextIsQuotedByLibcsvAndNumbersAndEmptiesAreBare() {
        let bytes = encode([[.text("a"), .number("1.5"), .empty, .text("")]])
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "\"a\",1.5,,\"\"\n")
    }

    func testHardFieldsRoundTrip() throws {
        let hard = [
            "逗号,在中间", "引号\"在中间\"", "换行\n在中间", "回车\r\n换行", "超100亿元", "", " 前后空格 ", "\"", ",,,", "混合,\"\n全部",
        ]
        let bytes = encode([hard.map(CSVField.text), [.empty, .number("42")]])
        let records = try CSVReader.records(of: bytes)
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(records[0], hard.map { $0 })
        XCTAssertEqual(records[1], [nil, "42"])
    }

    func testCRLFLineEndingsRoundTrip() throws {
        let bytes = encode([[.text("甲"), .number("1")], [.text("乙,丙"), .empty]], crlf: true)
        XCTAssertEqual(Array(bytes.suffix(2)), [13, 10])
        XCTAssertEqual(try CSVReader.records(of: bytes), [["甲", "1"], ["乙,丙", nil]])
    }

    func testByteOrderMarkIsSkippedOnRead() throws {
        XCTAssertEqual(try CSVReader.records(of: [0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8)), [["a", "b"]])
    }

    func testUnterminatedQuoteIsAnError() {
        XCTAssertThrowsError(try CSVReader.records(of: Array("\"open,field\n".utf8))) { error in
            XCTAssertEqual((error as? CSVError)?.record, 1)
        }
    }
}
