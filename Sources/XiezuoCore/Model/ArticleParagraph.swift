/// One paragraph of a cleaned article and where it stands in the source file: a row of the
/// `paragraphs` table, the bridge from a fact's `offset` (in the cleaned text) to the source's
/// bytes.
struct ArticleParagraph: Sendable, Equatable {
    /// Offset of the paragraph's first character in the cleaned text, in Unicode code points.
    var offset: Int
    /// Length in Unicode code points.
    var chars: Int
    /// The source lines and bytes it came from, when known.
    var source: SourceSpan?

    /// The paragraphs of `article.text` (split at `\n`) with their `paragraphSources`.
    static func paragraphs(of article: Article) -> [ArticleParagraph] {
        var paragraphs: [ArticleParagraph] = []
        var start = 0
        var position = 0
        func close() {
            let index = paragraphs.count
            let source = index < article.paragraphSources.count ? article.paragraphSources[index] : nil
            paragraphs.append(ArticleParagraph(offset: start, chars: position - start, source: source))
        }
        for scalar in article.text.unicodeScalars {
            if scalar == "\n" {
                close()
                start = position + 1
            }
            position += 1
        }
        if position > start || !paragraphs.isEmpty { close() }
        return paragraphs
    }
}

extension ArticleParagraph {
    static func encode(_ paragraphs: [ArticleParagraph], to encoder: inout RecordEncoder) {
        encoder.integer(paragraphs.count)
        for paragraph in paragraphs {
            encoder.integer(paragraph.offset)
            encoder.integer(paragraph.chars)
            encoder.optionalInteger(paragraph.source?.lines.lowerBound)
            guard let source = paragraph.source else { continue }
            encoder.integer(source.lines.upperBound)
            encoder.integer(source.bytes.lowerBound)
            encoder.integer(source.bytes.upperBound)
        }
    }

    static func decode(from decoder: inout RecordDecoder) throws(RecordDecoder.Corrupt) -> [ArticleParagraph] {
        let count = try decoder.integer()
        guard count >= 0 else { throw RecordDecoder.Corrupt() }
        var paragraphs: [ArticleParagraph] = []
        for _ in 0..<count {
            let offset = try decoder.integer()
            let chars = try decoder.integer()
            var source: SourceSpan?
            if let first = try decoder.optionalInteger() {
                let last = try decoder.integer()
                let start = try decoder.integer()
                let end = try decoder.integer()
                guard first <= last, start <= end else { throw RecordDecoder.Corrupt() }
                source = SourceSpan(lines: first...last, bytes: start..<end)
            }
            paragraphs.append(ArticleParagraph(offset: offset, chars: chars, source: source))
        }
        return paragraphs
    }
}
