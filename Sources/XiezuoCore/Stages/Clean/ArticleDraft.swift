/// An article as built, before fragments are dropped: its text and title still as scalars,
/// made into strings once, for the articles kept (`article(source:part:)`), after repair.
struct ArticleDraft: Sendable {
    /// The article's text: paragraphs separated by `\n`. It travels on as the article's
    /// `cleanScalars`, so that extract does not decode the text again.
    var scalars: [Unicode.Scalar]
    var title: [Unicode.Scalar]?
    var published: CivilDate?
    var outlet: String?
    /// The script of the original text.
    var script: Script
    var removedChars: Int
    /// Non-space scalars of the segment's lines: what the article's text and removed
    /// characters add up to, and what a dropped fragment passes on as removed.
    var segmentWeight: Int
    /// The 0-based source lines of each paragraph of the text (split at LF), in order; nil
    /// where unknown. `CleanStage` turns them into the article's `SourceSpan`s.
    var lineOrigins: [ClosedRange<Int>?]

    /// Length of the text in Unicode scalars (`Article.chars`).
    var chars: Int { scalars.count }

    /// The article, its text and title written as strings.
    func article(source: String, part: Int) -> Article {
        var article = Article(
            source: source, part: part, text: ScalarText.string(scalars), title: title.map { ScalarText.string($0) },
            published: published, outlet: outlet, script: script, removedChars: removedChars)
        article.cleanScalars = ArticleScalars(scalars: scalars)
        return article
    }
}
