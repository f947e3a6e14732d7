import Foundation
import XCTest

@testable import XiezuoCore

/// The workbook (`output.formats` "xlsx") as analysts open it: read back with openpyxl and,
/// opened and saved again by LibreOffice headless, with openpyxl once more; every cell's type
/// and value equal to the Parquet tables (`Scripts/check_workbook.py`). The inputs carry text
/// that a spreadsheet would take for a formula (a title and a file name starting with `=`).
final class WorkbookTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("workbook")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Seeds, an article headed by a formula, and an empty file whose name is one (a reject).
    private func runWithWorkbook() throws -> URL {
        let input = scratch.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let seeds = XiezuoProcess.repositoryRoot.appendingPathComponent("seeds")
        for seed in try FileManager.default.contentsOfDirectory(atPath: seeds.path) {
            try FileManager.default.copyItem(at: seeds.appendingPathComponent(seed), to: input.appendingPathComponent(seed))
        }
        let article = """
            =HYPERLINK("http://example.invalid","三都县孵化基地")

            2024年,广州市黄埔区在三都县投资3100万元,建设移民后续就业孵化基地,吸纳140余名群众就业,带动周边村民增收,为当地发展注入新动能。

            该基地由东西部协作资金支持建设,目前已有8家企业入驻,创造岗位近千个,群众实现家门口就业。
            """
        try Data(article.utf8).write(to: input.appendingPathComponent("zz-formula.txt"))
        // Beside pipeline.json, so that its source, named relative to it, starts with "=".
        let formulaName = scratch.appendingPathComponent("=1+1.txt")
        try Data().write(to: formulaName)
        let config = scratch.appendingPathComponent("pipeline.json")
        try Data(#"{"output": {"formats": ["csv", "parquet", "xlsx"]}}"#.utf8).write(to: config)
        let output = scratch.appendingPathComponent("out")
        let run = try XiezuoProcess.run(
            ["run", "--config", config.path, "--input", input.path, formulaName.path, "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let tables = OutputTables(directory: output)
        XCTAssertTrue(try tables.rows("documents").contains { $0["title"]?.hasPrefix("=HYPERLINK(") == true })
        XCTAssertEqual(try tables.rows("rejects").map { $0["source"] ?? "" }, ["=1+1.txt"])
        return output
    }

    func testWorkbookCellsEqualTheParquetTablesInOpenpyxl() throws {
        let output = try runWithWorkbook()
        let check = try PythonReaders.run([PythonReaders.script("check_workbook.py"), output.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        for table in TableSchema.all.map(\.name) { XCTAssertTrue(check.stdout.contains("\(table): "), check.stdout) }
    }

    func testWorkbookSavedByLibreOfficeKeepsTypesAndValues() throws {
        let soffice = try HeavyComponent.require(HeavyComponent.soffice, "LibreOffice (soffice)")
        let output = try runWithWorkbook()
        let check = try PythonReaders.run([PythonReaders.script("check_workbook.py"), output.path, "--libreoffice", soffice.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("investments: 21 rows on 1 sheet(s) (LibreOffice)"), check.stdout)
    }

    /// Without "xlsx" in `output.formats` no workbook is written; the default is CSV and Parquet.
    func testNoWorkbookUnlessAskedFor() throws {
        let output = scratch.appendingPathComponent("out")
        let run = try XiezuoProcess.run(["run", "--input", "seeds", "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: OutputTables(directory: output).tableSet.appendingPathComponent(OutputLayout.workbook).path))
    }

    /// The table sheets are byte-identical for one and four workers; only the `about` sheet
    /// and the document properties carry the run's start time.
    func testWorkbookSheetsAreByteIdenticalForOneAndFourWorkers() throws {
        let config = scratch.appendingPathComponent("pipeline.json")
        try Data(#"{"output": {"formats": ["csv", "xlsx"]}}"#.utf8).write(to: config)
        var sheets: [[String]] = []
        for workers in ["1", "4"] {
            let output = scratch.appendingPathComponent("out-\(workers)")
            let run = try XiezuoProcess.run(["run", "--config", config.path, "--input", "seeds", "--output", output.path, "--workers", workers])
            XCTAssertEqual(run.status, 0, run.stderr)
            let script = """
                import hashlib, sys, zipfile
                book = zipfile.ZipFile(sys.argv[1])
                for name in sorted(book.namelist()):
                    if name.startswith("xl/worksheets/sheet") and name != "xl/worksheets/sheet1.xml":
                        print(name, hashlib.sha256(book.read(name)).hexdigest())
                """
            let workbook = OutputTables(directory: output).tableSet.appendingPathComponent(OutputLayout.workbook)
            let read = try PythonReaders.run(["-c", script, workbook.path])
            XCTAssertEqual(read.status, 0, read.stderr)
            sheets.append(read.stdout.split(separator: "\n").map(String.init))
        }
        XCTAssertEqual(sheets[0].count, TableSchema.all.count)
        XCTAssertEqual(sheets[0], sheets[1])
    }

    // MARK: Excel's limits, through the workbook writer itself

    private func workbook(rowsPerSheet: Int) throws -> (XlsxTableWorkbook, URL) {
        let path = scratch.appendingPathComponent("limits.xlsx")
        let book = try XlsxTableWorkbook(
            path: path.path, temporaryDirectory: scratch.path, run: RunStamp(runID: 3, started: "2026-11-21T23:01:17.125Z", version: "2.0.0"),
            dataRowsPerSheet: rowsPerSheet)
        return (book, path)
    }

    /// Sheet names, then per sheet its rows as [kind, value] cells (openpyxl).
    private func read(_ path: URL) throws -> (sheets: [String], cells: [String: [[[String]]]]) {
        let script = """
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            cells = {sheet.title: [[[c.data_type, "" if c.value is None else str(c.value)] for c in row] for row in sheet.iter_rows()]
                     for sheet in book}
            print(json.dumps({"sheets": book.sheetnames, "cells": cells}, ensure_ascii=False))
            """
        let result = try PythonReaders.run(["-c", script, path.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (object["sheets"] as? [String] ?? [], object["cells"] as? [String: [[[String]]]] ?? [:])
    }

    func testTableLongerThanASheetGoesOnInTheNextWithItsHeader() throws {
        let (book, path) = try workbook(rowsPerSheet: 4)
        let sheet = try book.sheet(for: .rejects)
        for index in 1...10 { try sheet.write([.text("page\(index).html"), .text("clean"), .text("not a news article")]) }
        try sheet.close()
        try book.close()
        let (sheets, cells) = try read(path)
        XCTAssertEqual(sheets, ["about", "rejects", "rejects (2)", "rejects (3)"])
        var sources: [String] = []
        for name in sheets.dropFirst() {
            let rows = try XCTUnwrap(cells[name])
            XCTAssertEqual(rows.first?.map { $0[1] }, ["source", "stage", "reason"], name)
            sources += rows.dropFirst().map { $0[0][1] }
        }
        XCTAssertEqual(sources, (1...10).map { "page\($0).html" })
        let about = try XCTUnwrap(cells["about"]).map { $0.map { $0[1] } }
        XCTAssertTrue(about.contains(["rejects (2)", "rejects", "4", "rejects continued from sheet rejects"]), "\(about)")
        XCTAssertTrue(about.contains(["rejects (3)", "rejects", "2", "rejects continued from sheet rejects (2)"]), "\(about)")
        XCTAssertTrue(
            about.contains {
                $0.first == "rejects has 10 rows, more than the 4 a sheet holds: it is on the sheets rejects, rejects (2), rejects (3), in order, each with the header."
            }, "\(about)")
    }

    func testTextPastExcelsCellLimitIsCutAndLongFiguresStayExact() throws {
        let (book, path) = try workbook(rowsPerSheet: 100)
        // 32,765 characters, then an emoji (two UTF-16 units) that would cross the limit.
        let long = String(repeating: "协", count: 32_765) + "😀" + String(repeating: "作", count: 10)
        let sheet = try book.sheet(for: .summary)
        let sixteenDigits = try XCTUnwrap(ExactDecimal("12345678901234.56"))
        let values: [String: TableValue] = [
            "fact_table": .text(long), "year": .integer(2024), "region": .text("三都县"), "facts": .integer(1), "documents": .integer(1),
            "total": .decimal(sixteenDigits), "min": .decimal(ExactDecimal("1640000000")), "max": .decimal(ExactDecimal("0.25")),
        ]
        let columns = TableSchema.summary.columnNames
        try sheet.write(columns.map { values[$0] ?? .text(nil) })
        try sheet.close()
        try book.close()
        let (_, cells) = try read(path)
        let row = try XCTUnwrap(cells["summary"]?.dropFirst().first)
        func cell(_ name: String) -> [String] {
            guard let index = columns.firstIndex(of: name), index < row.count else { return [] }
            return row[index]
        }
        XCTAssertEqual(cell("fact_table"), ["s", String(repeating: "协", count: 32_765) + "…"])
        XCTAssertEqual(cell("year"), ["n", "2024"])
        XCTAssertEqual(cell("total"), ["s", "12345678901234.56"])
        XCTAssertEqual(cell("min"), ["n", "1640000000"])
        XCTAssertEqual(cell("max"), ["n", "0.25"])
        let about = try XCTUnwrap(cells["about"]).compactMap { $0.first?[1] }
        XCTAssertTrue(
            about.contains(
                "summary.fact_table: 1 cells longer than Excel's 32767 characters are cut and end in …; the CSV and Parquet tables hold them whole."),
            "\(about)")
        XCTAssertTrue(
            about.contains(
                "summary.total: 1 figures have more than the 15 significant digits Excel keeps, so they are written as text, every digit kept."),
            "\(about)")
    }

    /// Excel's own limit: 1,048,575 rows under the header fill the first sheet exactly.
    func testExcelsRowLimitFillsASheetExactly() throws {
        let (book, path) = try workbook(rowsPerSheet: XlsxTableWorkbook.excelRows - 1)
        let sheet = try book.sheet(for: .rejects)
        let rows = XlsxTableWorkbook.excelRows - 1 + 3
        for index in 0..<rows { try sheet.write([.text("p\(index)"), .text("fetch"), .text("gone")]) }
        try sheet.close()
        try book.close()
        // The dimensions from the sheets' XML; openpyxl would take minutes over a million rows.
        let script = """
            import re, sys, zipfile
            book = zipfile.ZipFile(sys.argv[1])
            for number in (2, 3):
                head = book.open(f"xl/worksheets/sheet{number}.xml").read(4096).decode()
                print(re.search(r'<dimension ref="([^"]+)"', head).group(1))
            tail = book.read("xl/worksheets/sheet3.xml").decode()
            print(re.findall(r'<t>([^<]*)</t>', tail)[3])
            """
        let result = try PythonReaders.run(["-c", script, path.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n"), ["A1:C1048576", "A1:C4", "p1048575"])
    }
}
