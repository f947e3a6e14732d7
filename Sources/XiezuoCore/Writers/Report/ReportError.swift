/// `xiezuo report` could not read the tables or write the page (exit 1).
public struct ReportError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "cannot make the report from \(path): \(message)" }
}
