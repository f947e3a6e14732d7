/// One table in the workbook (TableSink): a header row, frozen and with filter buttons, then
/// the rows as typed cells. A table longer than a sheet's rows goes on in a further sheet,
/// `investments (2)`, with the header again; the first sheet lists them.
final class XlsxTableSheet: TableSink {
    let schema: TableSchema
    /// The sheets holding this table, in order.
    private(set) var sheets: [XlsxWorksheet] = []
    /// Data rows written, over all its sheets.
    private(set) var rows = 0
    /// Per column: cells cut at Excel's length limit, and figures written as text.
    private(set) var truncated: [String: Int] = [:]
    private(set) var asDigits: [String: Int] = [:]

    /// The workbook holds its sheets; they point back without keeping it.
    private unowned let book: XlsxTableWorkbook
    private var rowOnSheet = 0
    private var widths: [Double]

    /// Widest a column is made, in Excel's units (one digit of the default font); wider text
    /// wraps.
    static let maximumTextWidth = 80.0
    static let maximumNumberWidth = 24.0

    init(schema: TableSchema, book: XlsxTableWorkbook) throws(XlsxError) {
        self.schema = schema
        self.book = book
        widths = schema.columns.map { Self.displayWidth($0.name) + 2 }
        try startSheet()
    }

    func write(_ row: [TableValue]) throws(OutputError) {
        precondition(row.count == schema.columns.count, "a \(schema.name) row must have \(schema.columns.count) fields")
        do {
            if rowOnSheet == book.dataRowsPerSheet {
                try finishSheet()
                try startSheet()
            }
            rowOnSheet += 1
            rows += 1
            let sheet = sheets[sheets.count - 1]
            for (index, (value, column)) in zip(row, schema.columns).enumerated() {
                try write(XlsxCell(value, type: column.type), column: index, of: column, on: sheet)
            }
        } catch {
            throw OutputError(path: book.path, message: error.description)
        }
    }

    func close() throws(OutputError) {
        do {
            try finishSheet()
        } catch {
            throw OutputError(path: book.path, message: error.description)
        }
    }

    private func write(_ cell: XlsxCell, column index: Int, of column: TableColumn, on sheet: XlsxWorksheet) throws(XlsxError) {
        let formats = book.formats
        var width: Double
        switch cell {
        case .empty:
            return
        case .text(let text, let cut):
            width = Self.displayWidth(text)
            try sheet.write(text, row: rowOnSheet, column: index, format: width > Self.maximumTextWidth ? formats.wrapped : formats.text)
            if cut { truncated[column.name, default: 0] += 1 }
        case .digits(let digits):
            width = Double(digits.count)
            try sheet.write(digits, row: rowOnSheet, column: index, format: formats.text)
            asDigits[column.name, default: 0] += 1
        case .integer(let number):
            width = Double(String(Int64(number)).count)
            try sheet.write(number, row: rowOnSheet, column: index, format: formats.integer)
        case .money(let number):
            // Digits, a separator per three, the cents.
            let digits = Double(String(Int64(number.magnitude)).count)
            width = digits + (digits - 1) / 3 + 4
            try sheet.write(number, row: rowOnSheet, column: index, format: formats.money)
        case .date(let serial):
            width = 10
            try sheet.write(serial, row: rowOnSheet, column: index, format: formats.date)
        }
        let cap = column.type == .text ? Self.maximumTextWidth : Self.maximumNumberWidth
        widths[index] = max(widths[index], min(width + 2, cap))
    }

    private func startSheet() throws(XlsxError) {
        let name = sheets.isEmpty ? schema.name : "\(schema.name) (\(sheets.count + 1))"
        let sheet = try book.addSheet(name)
        for (index, column) in schema.columns.enumerated() {
            try sheet.write(column.name, row: 0, column: index, format: book.formats.header)
        }
        sheet.freeze(rows: 1)
        sheets.append(sheet)
        rowOnSheet = 0
    }

    /// Filter buttons over the sheet's rows and the widths the widest values asked for.
    private func finishSheet() throws(XlsxError) {
        let sheet = sheets[sheets.count - 1]
        try sheet.autofilter(lastRow: rowOnSheet, lastColumn: schema.columns.count - 1)
        for (index, width) in widths.enumerated() { try sheet.setWidth(width, column: index) }
    }

    /// Width on screen, in Excel's units: CJK characters and punctuation, Hangul and
    /// full-width forms take two.
    static func displayWidth(_ text: String) -> Double {
        var width = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x2E80...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                width += 2
            default:
                width += 1
            }
        }
        return Double(width)
    }
}
