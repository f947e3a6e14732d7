/// The clean stage cannot run at all: OpenCC cannot be opened (`CleanStage.prepare()`), or the
/// de-spinning table is malformed (`DespinTable`). Raised once, at setup, instead of once per
/// article; its description names what to fix.
public struct CleanSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// `opencc_open` failed for `clean.opencc_config`.
        case openCCUnavailable = "opencc_unavailable"
        /// `Resources/despin.csv` does not have the expected shape.
        case despinTableInvalid = "despin_table_invalid"
    }

    public var code: Code
    public var message: String
    /// What failed to load: the OpenCC configuration, or the table's path with a record number.
    public var location: String
    /// OpenCC's own error, for `openCCUnavailable`.
    public var cause: OpenCCError?

    public init(code: Code, message: String, location: String, cause: OpenCCError? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.cause = cause
    }

    /// OpenCC could not open `error.configuration`.
    static func openCC(_ error: OpenCCError) -> CleanSetupError {
        CleanSetupError(
            code: .openCCUnavailable, message: openCCProblem(error) + "; " + openCCRemedy, location: error.configuration,
            cause: error)
    }

    /// What is wrong when OpenCC cannot be opened, and what to do about it.
    public static func openCCProblem(_ error: OpenCCError) -> String {
        "OpenCC cannot convert Traditional Chinese: \(error.message)"
    }

    public static let openCCRemedy =
        "install Debian's libopencc-data (it provides /usr/share/opencc/t2s.json) or set clean.opencc_config to an OpenCC "
        + "configuration file"

    public var description: String {
        "clean cannot start (\(code.rawValue)) at \(location): \(message)"
    }
}
