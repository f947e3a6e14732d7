/// Writing the run's files failed. The run exits 1 and the previous tables stay in place.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "cannot write \(path): \(message)" }
}
