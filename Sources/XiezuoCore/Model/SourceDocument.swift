/// The bytes of one input, as fetch read them, before any decoding.
public struct SourceDocument: Sendable {
    /// Position of the source in the run's input order; output order follows it.
    public var ordinal: Int
    /// Input path relative to its source root, or the URL.
    public var name: String
    public var bytes: [UInt8]

    public init(ordinal: Int, name: String, bytes: [UInt8]) {
        self.ordinal = ordinal
        self.name = name
        self.bytes = bytes
    }
}
