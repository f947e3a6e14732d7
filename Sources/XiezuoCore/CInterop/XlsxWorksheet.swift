import CXlsxWriter

/// One sheet of an `XlsxWorkbook`. The workbook owns the `lxw_worksheet` and frees it when it
/// closes; this handle keeps the workbook alive and is used only before `close()`.
///
/// The workbook is in constant-memory mode: each row is written out to a temporary file when a
/// later row is begun, so rows are written in increasing order (cells of one row in any order).
struct XlsxWorksheet {
    let name: String
    private let workbook: XlsxWorkbook
    private let pointer: UnsafeMutablePointer<lxw_worksheet>

    init(name: String, workbook: XlsxWorkbook, pointer: UnsafeMutablePointer<lxw_worksheet>) {
        self.name = name
        self.workbook = workbook
        self.pointer = pointer
    }

    /// Writes `text` as a string cell, never as a formula: `=SUM(A1)` stays those characters.
    /// libxlsxwriter escapes control characters as Excel's `_xHHHH_`; U+0000, which a C string
    /// cannot carry, is written in that form here.
    func write(_ text: String, row: Int, column: Int, format: XlsxCellFormat?) throws(XlsxError) {
        let carried = text.contains("\0") ? text.replacingOccurrences(of: "\0", with: "_x0000_") : text
        let error = carried.withCString { string in
            worksheet_write_string(pointer, lxw_row_t(row), lxw_col_t(column), string, format?.pointer)
        }
        try check(error, "worksheet_write_string")
    }

    func write(_ number: Double, row: Int, column: Int, format: XlsxCellFormat?) throws(XlsxError) {
        try check(worksheet_write_number(pointer, lxw_row_t(row), lxw_col_t(column), number, format?.pointer), "worksheet_write_number")
    }

    /// Keeps the first `rows` rows in view while scrolling.
    func freeze(rows: Int) {
        worksheet_freeze_panes(pointer, lxw_row_t(rows), 0)
    }

    /// Filter buttons on the first row over the range it heads.
    func autofilter(lastRow: Int, lastColumn: Int) throws(XlsxError) {
        try check(worksheet_autofilter(pointer, 0, 0, lxw_row_t(lastRow), lxw_col_t(lastColumn)), "worksheet_autofilter")
    }

    /// The width of `column`, in Excel's units (about one digit of the default font).
    func setWidth(_ width: Double, column: Int) throws(XlsxError) {
        try check(worksheet_set_column(pointer, lxw_col_t(column), lxw_col_t(column), width, nil), "worksheet_set_column")
    }

    private func check(_ error: lxw_error, _ function: String) throws(XlsxError) {
        guard error != LXW_NO_ERROR else { return }
        throw XlsxError(function: function, path: workbook.path, message: "sheet \(name): " + String(cString: lxw_strerror(error)))
    }
}
