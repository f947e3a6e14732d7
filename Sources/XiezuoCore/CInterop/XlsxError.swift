/// libxlsxwriter refused a call: the workbook could not be created, a sheet added, a cell
/// written or the file closed. The message is libxlsxwriter's own (`lxw_strerror`).
public struct XlsxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The C function that failed (`workbook_close`, `worksheet_write_string`, …).
    public var function: String
    /// The workbook's path.
    public var path: String
    public var message: String

    public init(function: String, path: String, message: String) {
        self.function = function
        self.path = path
        self.message = message
    }

    public var description: String { "\(function) failed for \(path): \(message)" }
}
