/// How the store keeps an article's paragraphs in its `paragraphs` BLOB (`RecordEncoder`).
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
