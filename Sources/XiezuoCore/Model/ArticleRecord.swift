/// What per-article processing makes of one article: its `documents` row (less
/// `duplicate_of`, which only dedupe knows, and `first_seen_run`, which only the store knows)
/// and its facts.
public struct ArticleRecord: Sendable, Equatable {
    public var source: String
    /// 0-based index of the article within its source.
    public var part: Int
    /// The hash of the cleaned text (`Article.docID`): the store's `doc_id`, the tables' `text_id`.
    public var docID: String
    public var title: String?
    public var published: CivilDate?
    public var outlet: String?
    public var script: Script
    public var chars: Int
    public var removedChars: Int
    /// The cooperation programmes the article is about, `;`-separated in the vocabulary's order
    /// (`documents.programme`); nil when it names none.
    public var programme: String?
    public var facts: [Fact]

    /// `documents.doc_id`, unique per row; its facts' `doc_id`.
    public var documentID: String { TableID.document(source: source, part: part, textHash: docID) }

    public init(article: Article, facts: [Fact], programme: String? = nil) {
        source = article.source
        part = article.part
        docID = article.docID
        title = article.title
        published = article.published
        outlet = article.outlet
        script = article.script
        chars = article.chars
        removedChars = article.removedChars
        self.programme = programme
        self.facts = facts
    }
}
