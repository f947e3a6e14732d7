/// An article as built, before fragments are dropped, with the counts the stage needs so that
/// it never re-scans the text.
struct ArticleDraft: Sendable {
    var article: Article
    /// The article's text as scalars (what `article.text` was made from), so that the repair
    /// step does not decode the string it was just given back into scalars.
    var scalars: [Unicode.Scalar]
    /// Length of the text in Unicode scalars (`Article.chars`, without re-counting).
    var chars: Int
    /// Non-space scalars of the segment's lines: what the article's text and removed
    /// characters add up to, and what a dropped fragment passes on as removed.
    var segmentWeight: Int
    /// The 0-based source lines of each paragraph of the text (split at LF), in order; nil
    /// where unknown. `CleanStage` turns them into the article's `SourceSpan`s.
    var lineOrigins: [ClosedRange<Int>?]
}
