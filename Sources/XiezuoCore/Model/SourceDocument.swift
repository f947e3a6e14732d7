/// The bytes of one input, as fetch read them, before any decoding.
public struct SourceDocument: Sendable {
    /// Position of the source in the run's input order; output order follows it.
    public var ordinal: Int
    /// The source's name (`SourceReference.name`): its path relative to pipeline.json's directory, or the URL.
    public var name: String
    public var bytes: [UInt8]
    /// The charset the transport declared (HTTP `Content-Type`), if any; decoding prefers it to
    /// a `<meta>` declaration, as browsers do.
    public var charset: String?

    public init(ordinal: Int, name: String, bytes: [UInt8], charset: String? = nil) {
        self.ordinal = ordinal
        self.name = name
        self.bytes = bytes
        self.charset = charset
    }
}
