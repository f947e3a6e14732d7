/// One body paragraph of an article while clean rebuilds it: a view of its line in the
/// source's buffer (`SourceLines`), or of the article's text once written (`ArticleTextWriter`).
struct Paragraph {
    var scalars: UnsafeBufferPointer<Unicode.Scalar>
    /// A caption, tag or byline was dropped just before it: the mark of a column break,
    /// across which a broken sentence continues.
    var furnitureBefore: Bool = false
    /// It opened with a dateline (新快报讯 …), now stripped: the true start of its article.
    var isDateline: Bool = false
    /// The 0-based source lines it came from; nil when unknown.
    var origin: ClosedRange<Int>? = nil
}
