import CXlsxWriter

/// A cell format of an `XlsxWorkbook` (number format, bold, wrapping). The workbook owns and
/// frees it; a format is only used with sheets of the workbook that made it.
struct XlsxCellFormat {
    let pointer: UnsafeMutablePointer<lxw_format>
}
