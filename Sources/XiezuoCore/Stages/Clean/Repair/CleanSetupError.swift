/// The clean stage cannot run at all: OpenCC cannot be opened, or the bundled de-spinning
/// table is missing or malformed. Raised once, when the pipeline prepares the stage
/// (`CleanStage.prepared(config:)`), instead of once per article; its description names what
/// to fix.
public struct CleanSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// `opencc_open` failed for `clean.opencc_config`.
        case openCCUnavailable = "opencc_unavailable"
        /// `Resources/despin.csv` is missing or does not have the expected shape.
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
            code: .openCCUnavailable,
            message: "OpenCC cannot convert Traditional Chinese: \(error.message); install Debian's libopencc-data "
                + "(it provides /usr/share/opencc/t2s.json) or set clean.opencc_config to an OpenCC configuration file",
            location: error.configuration, cause: error
        )
    }

    public var description: String {
        "clean cannot start (\(code.rawValue)) at \(location): \(message)"
    }
}
