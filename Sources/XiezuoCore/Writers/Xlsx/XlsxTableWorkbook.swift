import Foundation

/// The workbook of a run (`output.formats` "xlsx", README "Tables"): a first sheet, `about`,
/// saying what each sheet holds, when the run was made and what Excel's limits changed; then
/// one sheet per table in the order of `TableSchema.all`, with typed cells (`XlsxCell`).
///
/// Written through libxlsxwriter in constant-memory mode into the staging directory, like
/// every other file of the set, so it appears with them in one switch. `about` is the first
/// sheet but is filled last, once every table's rows are counted.
final class XlsxTableWorkbook {
    /// Excel's rows per sheet, the header included.
    static let excelRows = 1_048_576

    let path: String
    let formats: XlsxFormats
    /// Data rows on one sheet before the table goes on in the next.
    let dataRowsPerSheet: Int
    private let workbook: XlsxWorkbook
    private let about: XlsxWorksheet
    private let run: RunStamp
    private var tables: [XlsxTableSheet] = []

    init(path: String, temporaryDirectory: String, run: RunStamp, dataRowsPerSheet: Int = excelRows - 1) throws(OutputError) {
        self.path = path
        self.run = run
        self.dataRowsPerSheet = dataRowsPerSheet
        do {
            workbook = try XlsxWorkbook(path: path, temporaryDirectory: temporaryDirectory)
            formats = try XlsxFormats(workbook: workbook)
            about = try workbook.addSheet("about")
        } catch {
            throw OutputError(path: path, message: error.description)
        }
    }

    /// The sink of `schema`'s rows; its sheet is added after the earlier tables'.
    func sheet(for schema: TableSchema) throws(OutputError) -> XlsxTableSheet {
        do {
            let sheet = try XlsxTableSheet(schema: schema, book: self)
            tables.append(sheet)
            return sheet
        } catch {
            throw OutputError(path: path, message: error.description)
        }
    }

    func addSheet(_ name: String) throws(XlsxError) -> XlsxWorksheet {
        try workbook.addSheet(name)
    }

    /// Fills `about` and writes the file; the tables' sheets are closed before.
    func close() throws(OutputError) {
        guard let started = Self.date(run.started) else {
            throw OutputError(path: path, message: "the run's start \"\(run.started)\" is not an ISO 8601 time")
        }
        do {
            try writeAbout()
            try workbook.setProperties(title: "xiezuo tables, run \(run.runID)", created: started)
            try workbook.close()
        } catch {
            throw OutputError(path: path, message: error.description)
        }
    }

    private func writeAbout() throws(XlsxError) {
        var row = 0
        func line(_ cells: [String], format: XlsxCellFormat? = nil) throws(XlsxError) {
            for (column, text) in cells.enumerated() where !text.isEmpty {
                try about.write(text, row: row, column: column, format: format)
            }
            row += 1
        }
        try line(["xiezuo tables"], format: formats.heading)
        try line(["run"])
        try about.write(Double(run.runID), row: row - 1, column: 1, format: formats.integer)
        try line(["started (UTC)", run.started])
        try line(["xiezuo version", run.version])
        try line(["columns", "described below and in docs/tables.md; the same rows are in the CSV and Parquet tables"])
        row += 1
        try line(["sheet", "table", "rows", "what it holds"], format: formats.heading)
        for table in tables {
            for (index, sheet) in table.sheets.enumerated() {
                let rows = min(dataRowsPerSheet, table.rows - index * dataRowsPerSheet)
                let what = index == 0 ? table.schema.description : "\(table.schema.name) continued from sheet \(table.sheets[index - 1].name)"
                try about.write(sheet.name, row: row, column: 0, format: nil)
                try about.write(table.schema.name, row: row, column: 1, format: nil)
                try about.write(Double(rows), row: row, column: 2, format: formats.integer)
                try about.write(what, row: row, column: 3, format: nil)
                row += 1
            }
        }
        row += 1
        try line(["notes"], format: formats.heading)
        let notes = self.notes
        for note in notes.isEmpty ? ["Every value is as in the CSV and Parquet tables."] : notes { try line([note]) }
        row += 1
        try line(["table", "column", "type", "meaning"], format: formats.heading)
        for table in tables {
            for column in table.schema.columns {
                try line([table.schema.name, column.name, Self.typeName(column.type), column.description])
            }
        }
        try about.setWidth(18, column: 0)
        try about.setWidth(16, column: 1)
        try about.setWidth(24, column: 2)
        try about.setWidth(100, column: 3)
    }

    /// What Excel's limits changed: continued tables, cut text, figures written as text.
    var notes: [String] {
        var notes: [String] = []
        for table in tables where table.sheets.count > 1 {
            let names = table.sheets.map(\.name).joined(separator: ", ")
            notes.append(
                "\(table.schema.name) has \(table.rows) rows, more than the \(dataRowsPerSheet) a sheet holds: it is on the sheets \(names), in order, each with the header.")
        }
        for table in tables {
            for (column, count) in table.truncated.sorted(by: { $0.key < $1.key }) {
                notes.append(
                    "\(table.schema.name).\(column): \(count) cells longer than Excel's \(XlsxCell.maximumCharacters) characters are cut and end in …; the CSV and Parquet tables hold them whole.")
            }
            for (column, count) in table.asDigits.sorted(by: { $0.key < $1.key }) {
                notes.append(
                    "\(table.schema.name).\(column): \(count) figures have more than the \(XlsxCell.maximumSignificantDigits) significant digits Excel keeps, so they are written as text, every digit kept.")
            }
        }
        return notes
    }

    private static func typeName(_ type: ColumnType) -> String {
        switch type {
        case .text: return "text"
        case .year: return "integer (a year)"
        case .integer: return "integer"
        case .date: return "date"
        case .money: return "number, to 2 decimals"
        }
    }

    /// The run's start as a date, with or without fractional seconds. Never the time of
    /// writing: the workbook records when the run started, so that writing it again, inline or
    /// on a lane, a second later gives the same bytes.
    static func date(_ timestamp: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: timestamp) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: timestamp)
    }
}
