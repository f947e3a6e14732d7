/// What a worker made of one source: fetch's read, then what `ArticleProcessor` made of it
/// (its articles, or the reject that stopped it), and the seconds each stage took.
struct SourceOutcome: Sendable {
    var reference: SourceReference
    var bytes = 0
    /// Hash of the source's bytes; nil when they could not be read.
    var contentHash: String?
    /// The bytes and the processor are those that made the stored articles: nothing was
    /// cleaned or extracted.
    var unchanged = false
    /// The bytes are those the stored articles were made of (by this processor or another).
    var bytesUnchanged = false
    /// The legacy name this file claims (see `LegacySourceClaims`).
    var legacy: String?
    /// Its bytes are those the legacy name stood for: the history under it is this file's.
    var adoptsLegacy = false
    /// A URL's validators from tonight's response, to remember for the next night.
    var validators: HTTPValidators?
    var articles: [ProcessedArticle] = []
    var reject: Reject?
    var fetchSeconds = 0.0
    var cleanSeconds = 0.0
    var extractSeconds = 0.0

    init(reference: SourceReference) {
        self.reference = reference
    }
}
