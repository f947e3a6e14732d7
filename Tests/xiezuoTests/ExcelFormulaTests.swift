import Foundation
import XCTest

/// `output.excel` CSVs are opened by double-click: a title or sentence from the web that
/// starts like a formula (`=HYPERLINK(…)`, `@cmd|' /C calc'!A0`, `+2024年…`) must open as
/// text, never run. Checked through a real spreadsheet, LibreOffice Calc, importing with
/// "evaluate formulas" on as Excel does. Plain CSV keeps every text exact for machine readers.
final class ExcelFormulaTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("excel")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private static let title = #"=HYPERLINK("http://evil.example/","东西部协作成效显著")"#
    private static let sentences = [
        "@cmd|' /C calc'!A0 协作双方持续深化产业合作，推动乡村振兴取得新成效，群众的获得感和幸福感不断增强。",
        "+2024年，东西部协作投入帮扶资金500万元，带动群众就业300人。",
        "-2023年，对口帮扶投入资金1600万元，建设产业项目12个。",
    ]

    /// Runs xiezuo on one article whose title and sentences start like formulas.
    private func run(excel: Bool) throws -> URL {
        let input = scratch.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data(([Self.title, ""] + Self.sentences).joined(separator: "\n").utf8).write(to: input.appendingPathComponent("formula.txt"))
        let config = scratch.appendingPathComponent("excel-\(excel).json")
        try Data(#"{"output": {"excel": \#(excel)}}"#.utf8).write(to: config)
        let output = scratch.appendingPathComponent(excel ? "excel" : "plain")
        let result = try XiezuoProcess.run(["run", "--config", config.path, "--input", input.path, "--output", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return output
    }

    private func spreadsheetCells(_ files: [URL]) throws -> [String: [[[String: Any]]]] {
        let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard soffice != nil else {
            // CI installs LibreOffice (.ci/run); only a developer machine may lack it.
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                XCTFail("LibreOffice (soffice) is missing; .ci/run installs libreoffice-calc-nogui")
            }
            throw XCTSkip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")
        }
        let converted = scratch.appendingPathComponent("converted")
        try FileManager.default.createDirectory(at: converted, withIntermediateDirectories: true)
        let result = try PythonReaders.run(
            [PythonReaders.script("spreadsheet_formulas.py"), scratch.appendingPathComponent("lo-profile").path, converted.path]
                + files.map(\.path))
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [[[String: Any]]]])
    }

    func testExcelModeCellsThatStartLikeFormulasOpenAsTextInASpreadsheet() throws {
        let output = try run(excel: true)
        let sheets = try spreadsheetCells([
            OutputTables(directory: output).csv("documents"), OutputTables(directory: output).csv("investments"),
        ])
        for (file, rows) in sheets {
            for row in rows {
                for cell in row { XCTAssertNil(cell["formula"] as? String, "\(file): a cell became a formula: \(cell)") }
            }
        }
        let documents = try XCTUnwrap(sheets["documents.csv"])
        let titleColumn = try XCTUnwrap(documents.first?.firstIndex { $0["text"] as? String == "title" })
        XCTAssertEqual(documents.dropFirst().map { $0[titleColumn]["text"] as? String }, ["'" + Self.title])

        let investments = try XCTUnwrap(sheets["investments.csv"])
        let evidenceColumn = try XCTUnwrap(investments.first?.firstIndex { $0["text"] as? String == "evidence" })
        XCTAssertEqual(
            investments.dropFirst().map { $0[evidenceColumn]["text"] as? String }, ["'" + Self.sentences[1], "'" + Self.sentences[2]])
        // Amounts stay numbers.
        let amountColumn = try XCTUnwrap(investments.first?.firstIndex { $0["text"] as? String == "amount_cny" })
        XCTAssertEqual(investments.dropFirst().map { $0[amountColumn]["text"] as? String }, ["5000000", "16000000"])
    }

    func testPlainCSVKeepsTheTextExact() throws {
        let output = try run(excel: false)
        let tables = OutputTables(directory: output)
        XCTAssertEqual(try tables.rows("documents").map { $0["title"] }, [Self.title])
        XCTAssertEqual(try tables.rows("investments").map { $0["evidence"] }, [Self.sentences[1], Self.sentences[2]])
        // The same facts in Excel mode differ only by the leading quote of those cells.
        let excel = OutputTables(directory: try run(excel: true))
        XCTAssertEqual(try excel.rows("investments").map { $0["evidence"] }, ["'" + Self.sentences[1], "'" + Self.sentences[2]])
        XCTAssertEqual(try excel.rows("investments").map { $0["amount_cny"] }, ["5000000", "16000000"])
    }
}
