/// The article store could not be opened or updated. The run exits 1; the store is left as
/// the last successful run committed it.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String {
        "article store \(path): \(message); to start afresh, delete the file (see README, \"Resetting the store\")"
    }
}
