import CXlsxWriter
import Foundation

/// The only door to libxlsxwriter: an .xlsx file being written. A final class owns the
/// `lxw_workbook`; `close()` writes the file and frees it, and a workbook dropped without
/// `close()` is freed in `deinit` without writing anything.
///
/// Constant-memory mode: rows go to one temporary file per sheet (in `temporaryDirectory`) as
/// they are written, so memory does not grow with the tables; text is written as inline
/// strings. Sheets and formats belong to the workbook and live as long as it does.
final class XlsxWorkbook {
    let path: String
    private var handle: UnsafeMutablePointer<lxw_workbook>?

    init(path: String, temporaryDirectory: String) throws(XlsxError) {
        self.path = path
        let opened: UnsafeMutablePointer<lxw_workbook>? = temporaryDirectory.withCString { directory in
            var options = lxw_workbook_options()
            options.constant_memory = 1
            // libxlsxwriter copies the directory name; the pointer is only read during the call.
            options.tmpdir = UnsafeMutablePointer(mutating: directory)
            return workbook_new_opt(path, &options)
        }
        guard let opened else {
            throw XlsxError(function: "workbook_new_opt", path: path, message: "the workbook could not be created (out of memory)")
        }
        handle = opened
    }

    deinit {
        if let handle { lxw_workbook_free(handle) }
    }

    /// Adds a sheet after the existing ones. `name`: at most 31 characters, none of `[]:*?/\`.
    func addSheet(_ name: String) throws(XlsxError) -> XlsxWorksheet {
        let workbook = try open("workbook_add_worksheet")
        let valid = workbook_validate_sheet_name(workbook, name)
        guard valid == LXW_NO_ERROR else {
            throw XlsxError(function: "workbook_validate_sheet_name", path: path, message: "\(name): " + String(cString: lxw_strerror(valid)))
        }
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw XlsxError(function: "workbook_add_worksheet", path: path, message: "sheet \(name) could not be added")
        }
        return XlsxWorksheet(name: name, workbook: self, pointer: sheet)
    }

    /// A cell format: an Excel number format (`#,##0.00`, `yyyy-mm-dd`), bold, wrapped text.
    func format(numberFormat: String? = nil, bold: Bool = false, wrap: Bool = false, verticalTop: Bool = false) throws(XlsxError)
        -> XlsxCellFormat
    {
        guard let format = workbook_add_format(try open("workbook_add_format")) else {
            throw XlsxError(function: "workbook_add_format", path: path, message: "out of memory")
        }
        if let numberFormat { format_set_num_format(format, numberFormat) }
        if bold { format_set_bold(format) }
        if wrap { format_set_text_wrap(format) }
        if verticalTop { format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        return XlsxCellFormat(pointer: format)
    }

    /// The document's title and creation time (`docProps/core.xml`), so the same run gives the
    /// same file.
    func setProperties(title: String, created: Date) throws(XlsxError) {
        let workbook = try open("workbook_set_properties")
        let error = title.withCString { title in
            var properties = lxw_doc_properties()
            properties.title = UnsafeMutablePointer(mutating: title)
            properties.created = time_t(created.timeIntervalSince1970)
            return workbook_set_properties(workbook, &properties)
        }
        guard error == LXW_NO_ERROR else {
            throw XlsxError(function: "workbook_set_properties", path: path, message: String(cString: lxw_strerror(error)))
        }
    }

    /// Assembles the sheets into the .xlsx file and frees the workbook; the file is complete
    /// afterwards. libxlsxwriter frees the workbook whether or not writing succeeded.
    func close() throws(XlsxError) {
        let workbook = try open("workbook_close")
        handle = nil
        errno = 0
        let error = workbook_close(workbook)
        guard error == LXW_NO_ERROR else {
            var message = String(cString: lxw_strerror(error))
            if errno != 0 { message += " (\(String(cString: strerror(errno))))" }
            throw XlsxError(function: "workbook_close", path: path, message: message)
        }
    }

    private func open(_ function: String) throws(XlsxError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw XlsxError(function: function, path: path, message: "the workbook is already closed") }
        return handle
    }
}
