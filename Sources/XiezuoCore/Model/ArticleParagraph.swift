/// One paragraph of a cleaned article and where it stands in the source file: a row of the
/// `paragraphs` table, the bridge from a fact's `offset` (in the cleaned text) to the source's
/// bytes.
public struct ArticleParagraph: Sendable, Equatable {
    /// Offset of the paragraph's first character in the cleaned text, in Unicode code points.
    public var offset: Int
    /// Length in Unicode code points.
    public var chars: Int
    /// The source lines and bytes it came from, when known.
    public var source: SourceSpan?

    public init(offset: Int, chars: Int, source: SourceSpan?) {
        self.offset = offset
        self.chars = chars
        self.source = source
    }

    /// The paragraphs of `article.text` (`TextParagraphs`) with their `paragraphSources`, cut
    /// from clean's scalars (`Article.scalars`): walking the text's `unicodeScalars` view cost
    /// several times as much.
    public static func paragraphs(of article: Article) -> [ArticleParagraph] {
        TextParagraphs.ranges(of: article.scalars).enumerated().map { index, range in
            ArticleParagraph(
                offset: range.lowerBound, chars: range.count,
                source: index < article.paragraphSources.count ? article.paragraphSources[index] : nil)
        }
    }
}
