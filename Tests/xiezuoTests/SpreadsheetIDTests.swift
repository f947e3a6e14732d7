import Foundation
import XCTest
import XiezuoCore

/// Ids survive a spreadsheet: every id of the CSV files, opened in LibreOffice (headless, as a
/// double-click would), is a text cell equal to the CSV. The inputs include two pages whose
/// text hashes, written as bare hex digits, LibreOffice read as numbers (7215006280339684 and
/// 7710141596e01346). LibreOffice is installed by .ci/run; the test skips where it is absent,
/// except under CI.
final class SpreadsheetIDTests: XCTestCase {
    private static var soffice: URL? {
        ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].map(URL.init(fileURLWithPath:)).first {
            FileManager.default.isExecutableFile(atPath: $0.path)
        }
    }

    func testIdsReadBackThroughLibreOfficeEqualTheCSV() throws {
        guard let soffice = Self.soffice else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("LibreOffice (soffice) is not installed; .ci/run installs it") }
            throw XCTSkip("LibreOffice (soffice) is not installed")
        }
        let scratch = try XiezuoProcess.temporaryDirectory("spreadsheet")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let fixtures = XiezuoProcess.repositoryRoot.appendingPathComponent("Tests/xiezuoTests/Fixtures/spreadsheet-ids")
        let result = try XiezuoProcess.run(["run", "--input", "seeds", fixtures.path, "--output", scratch.appendingPathComponent("out").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let tables = OutputTables(directory: scratch.appendingPathComponent("out"))
        let ids: [String: [String]] = [
            "documents": ["doc_id", "text_id", "duplicate_of"], "investments": ["fact_id", "doc_id"], "paragraphs": ["doc_id"],
        ]
        var checked = 0
        for (table, columns) in ids.sorted(by: { $0.key < $1.key }) {
            let header = try tables.header(table)
            let rows = try tables.rows(table)
            let read = try PythonReaders.run([PythonReaders.script("spreadsheet_cells.py"), tables.csv(table).path, soffice.path])
            XCTAssertEqual(read.status, 0, read.stderr)
            let cells = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [[[String]]])
            XCTAssertEqual(cells.count, rows.count + 1, table)
            for (row, sheetRow) in zip(rows, cells.dropFirst()) {
                for column in columns {
                    let value = row[column] ?? ""
                    guard !value.isEmpty, let index = header.firstIndex(of: column) else { continue }
                    let cell = index < sheetRow.count ? sheetRow[index] : ["missing", ""]
                    XCTAssertEqual(cell, ["text", value], "\(table).\(column)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }
}
