/// The one place a cleaned text is cut into paragraphs: the lines between `\n`, by Unicode
/// scalar offsets. The `paragraphs` table, extract's paragraph of each sentence and every
/// other reader of an article's paragraphs go through it, so they always agree.
public enum TextParagraphs {
    /// The paragraphs of `text`, as scalar offset ranges, in order. An empty text has none; a
    /// text ending in `\n` ends with an empty paragraph.
    public static func ranges<Scalars: Sequence<Unicode.Scalar>>(of text: Scalars) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var position = 0
        for scalar in text {
            if scalar == "\n" {
                ranges.append(start..<position)
                start = position + 1
            }
            position += 1
        }
        if position > start || !ranges.isEmpty { ranges.append(start..<position) }
        return ranges
    }
}
