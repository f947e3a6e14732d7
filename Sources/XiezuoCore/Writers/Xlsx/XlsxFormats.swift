/// The cell formats of the table sheets. Every data cell is aligned to the top, so that a
/// row made tall by a wrapped sentence still reads left to right.
struct XlsxFormats {
    let header: XlsxCellFormat
    let text: XlsxCellFormat
    /// Text wider than a column may be: wrapped within it.
    let wrapped: XlsxCellFormat
    let integer: XlsxCellFormat
    /// Yuan to the cent, with thousands separators.
    let money: XlsxCellFormat
    let date: XlsxCellFormat
    /// Headings of the first sheet.
    let heading: XlsxCellFormat

    init(workbook: XlsxWorkbook) throws(XlsxError) {
        header = try workbook.format(bold: true)
        text = try workbook.format(verticalTop: true)
        wrapped = try workbook.format(wrap: true, verticalTop: true)
        integer = try workbook.format(numberFormat: "0", verticalTop: true)
        money = try workbook.format(numberFormat: "#,##0.00", verticalTop: true)
        date = try workbook.format(numberFormat: "yyyy-mm-dd", verticalTop: true)
        heading = try workbook.format(bold: true)
    }
}
