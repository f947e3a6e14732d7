/// A CSV file could not be read or written.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// 1-based record number where reading failed, when known.
    public var record: Int?
    public var path: String?

    public init(message: String, record: Int? = nil, path: String? = nil) {
        self.message = message
        self.record = record
        self.path = path
    }

    public var description: String {
        var text = path.map { "\($0): " } ?? ""
        if let record { text += "record \(record): " }
        return text + message
    }
}
