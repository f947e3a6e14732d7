/// OpenCC itself failed: its configuration or dictionaries could not be loaded
/// (`opencc_open`), or a conversion failed (`opencc_convert_utf8`). The message is OpenCC's own.
public struct OpenCCError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The C function that failed (`opencc_open`, `opencc_convert_utf8`).
    public var function: String
    /// The configuration the converter was opened with (`t2s.json` or a path).
    public var configuration: String
    /// What `opencc_error()` said.
    public var message: String

    public init(function: String, configuration: String, message: String) {
        self.function = function
        self.configuration = configuration
        self.message = message
    }

    public var description: String {
        "\(function) failed for OpenCC configuration \(configuration): \(message)"
    }
}
