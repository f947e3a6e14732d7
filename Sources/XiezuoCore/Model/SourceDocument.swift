/// The bytes of one source as fetch read them, before any decoding, with what fetch knows of
/// them: the input of `ArticleProcessor`.
public struct SourceDocument: Sendable, Equatable {
    /// The source's name (`SourceReference.name`): its path relative to pipeline.json's
    /// directory, or the URL. It becomes each article's `source`.
    public var name: String
    public var bytes: [UInt8]
    /// The charset the transport declared (HTTP `Content-Type`), if any; decoding prefers it to
    /// a `<meta>` declaration, as browsers do.
    public var charset: String?
    /// The address the bytes were downloaded from, if they were: a page that states no date
    /// of its own may have one in its address (`…/2024-03/15/…`).
    public var url: String?

    public init(name: String, bytes: [UInt8], charset: String? = nil, url: String? = nil) {
        self.name = name
        self.bytes = bytes
        self.charset = charset
        self.url = url
    }
}
