/// One article as per-article processing hands it on: its record (document row and facts),
/// its paragraphs with where they came from, and its fingerprint for dedupe.
public struct ProcessedArticle: Sendable, Equatable {
    public var record: ArticleRecord
    /// The `paragraphs` table's rows of the article.
    public var paragraphs: [ArticleParagraph]
    public var fingerprint: ArticleFingerprint

    public init(record: ArticleRecord, paragraphs: [ArticleParagraph], fingerprint: ArticleFingerprint) {
        self.record = record
        self.paragraphs = paragraphs
        self.fingerprint = fingerprint
    }
}
