/// What `ArticleProcessor` makes of one source: its articles, in order, or the reject that
/// says why it gave none.
public enum ProcessedSource: Sendable, Equatable {
    case articles([ProcessedArticle])
    case rejected(Reject)

    /// The articles; none for a reject.
    public var articles: [ProcessedArticle] {
        if case .articles(let articles) = self { articles } else { [] }
    }

    public var reject: Reject? {
        if case .rejected(let reject) = self { reject } else { nil }
    }
}
