import Foundation
import XCTest

@testable import XiezuoCore

/// The table files of a run are the same bytes whether they are written inline (one worker)
/// or each on a lane of its own (`TableLane`, more workers), and a lane's failure reaches the
/// run as an `OutputError` rather than being lost on its queue.
final class TableSetTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-tableset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private let stamp = RunStamp(runID: 3, started: "2026-01-02T03:04:05Z", version: "test")

    /// Rows of two tables interleaved, many batches' worth, with small row groups and sheets
    /// so that every writer flushes and the workbook goes on in further sheets.
    private func writeTables(concurrent: Bool, into name: String) throws -> OutputStaging {
        let staging = try OutputStaging(directory: scratch.appendingPathComponent(name).path)
        let output = OutputConfig(formats: [.csv, .parquet, .xlsx], rowGroupRows: 700)
        var config = output
        config.xlsxRowsPerSheet = 2_500
        let tables = try TableSet(staging: staging, output: config, run: stamp, concurrent: concurrent)
        for row in 0..<6_000 {
            let documentID = "doc-\(String(row * 7919 % 65_536, radix: 16))"
            try tables.write(
                [.text(documentID), .integer(row % 40), .integer(row * 3), .integer(row % 97), .integer(row % 5 == 0 ? nil : row),
                 .integer(row + 1), .integer(nil), .integer(-row)],
                to: .paragraphs)
            if row % 3 == 0 {
                try tables.write([.text("source \(row) 东西部协作, \"quoted\""), .text(StageName.clean.rawValue), .text("reason \(row)")], to: .rejects)
            }
        }
        try tables.close()
        return staging
    }

    func testLanesWriteTheBytesOfInlineWriting() throws {
        let inline = try writeTables(concurrent: false, into: "inline")
        let lanes = try writeTables(concurrent: true, into: "lanes")
        let files = try FileManager.default.subpathsOfDirectory(atPath: inline.staging).sorted()
        XCTAssertEqual(files, try FileManager.default.subpathsOfDirectory(atPath: lanes.staging).sorted())
        XCTAssertTrue(files.contains("paragraphs.csv") || files.contains { $0.hasSuffix("paragraphs.csv") })
        var compared = 0
        for file in files {
            var isDirectory: ObjCBool = false
            let path = URL(fileURLWithPath: inline.staging).appendingPathComponent(file).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let expected = try Data(contentsOf: URL(fileURLWithPath: path))
            let actual = try Data(contentsOf: URL(fileURLWithPath: lanes.staging).appendingPathComponent(file))
            XCTAssertEqual(expected, actual, "\(file) differs between inline and lane writing")
            compared += 1
        }
        // 7 CSV, 7 Parquet, the workbook.
        XCTAssertEqual(compared, 15)
    }

    /// A value of the wrong type is refused by the Parquet writer on its lane; the run must
    /// get that error (from a later write or from close), not a file silently cut short.
    func testALanesFailureIsThrown() throws {
        let staging = try OutputStaging(directory: scratch.appendingPathComponent("failing").path)
        let tables = try TableSet(
            staging: staging, output: OutputConfig(formats: [.csv, .parquet]), run: stamp, concurrent: true)
        var caught: OutputError?
        do {
            try tables.write([.text("s"), .integer(1), .text("not a stage's row")], to: .rejects)
            try tables.write([.text("s"), .text("clean"), .text("r")], to: .rejects)
            try tables.close()
        } catch {
            caught = error
        }
        XCTAssertEqual(caught?.message, "column stage got a value of the wrong type")
        XCTAssertTrue(caught?.path.hasSuffix("rejects.parquet") ?? false, "\(String(describing: caught))")
    }

    /// The workbook records when the run started, with or without fractional seconds, never the
    /// time it is written: otherwise two writings a second apart (inline and on lanes, or a run
    /// written again) differ in `docProps/core.xml`.
    func testTheWorkbookIsDatedByTheRunsStartNotByTheClock() throws {
        XCTAssertEqual(XlsxTableWorkbook.date("2026-01-02T03:04:05Z")?.timeIntervalSince1970, 1_767_323_045)
        XCTAssertEqual(XlsxTableWorkbook.date("2026-01-02T03:04:05.125Z")?.timeIntervalSince1970, 1_767_323_045.125)
        XCTAssertNil(XlsxTableWorkbook.date("the second of January"))
    }

    func testIntegersArePrintedAsStringPrintsThem() {
        for value in [0, 7, -1, 9, 10, -10, 99, 100, 1_234_567_890, -987_654_321, Int.max, Int.min] {
            var output: [UInt8] = [UInt8(ascii: "x")]
            CSVEncoder.appendInteger(value, to: &output)
            XCTAssertEqual(output, Array("x\(value)".utf8))
        }
    }

    /// Writes larger than the buffer go straight to the file, in order with the buffered ones.
    func testABufferedFileKeepsTheOrderOfSmallAndLargeWrites() throws {
        let path = scratch.appendingPathComponent("buffered").path
        let writer = try BufferedFileWriter(path: path)
        var expected: [UInt8] = []
        for round in 0..<40 {
            let small = Array("row \(round),".utf8)
            try writer.withBuffer { $0.append(contentsOf: small) }
            expected += small
            let large = [UInt8](repeating: UInt8(ascii: "a") + UInt8(round % 26), count: round % 4 == 0 ? 300_000 : 70_000)
            try writer.write(large)
            expected += large
        }
        try writer.close()
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), Data(expected))
    }
}
