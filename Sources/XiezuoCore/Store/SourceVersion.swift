/// What the store remembers of how a source's stored articles were made: the hash of the
/// bytes processed and the identity of the `ArticleProcessor` that processed them (nil for a
/// source stored before identities were kept). A source is unchanged tonight only when both
/// are the same again.
struct SourceVersion: Sendable, Equatable {
    var contentHash: String
    var processor: String?

    /// Whether `contentHash`, processed by `processor`, would make the articles stored now.
    func matches(contentHash: String, processor: String) -> Bool {
        self.contentHash == contentHash && self.processor == processor
    }
}
