/// How the store keeps an article's paragraphs in its `paragraphs` BLOB (`RecordEncoder`).
///
/// Since store migration "v6-compact-articles" the BLOB starts with -1, and each paragraph's
/// numbers are written as the distance from the paragraph before (its offset from the end of
/// the last, its first line from the last one's last, its first byte from the last one's end)
/// and as lengths, so that most take one byte rather than two or three. A BLOB that starts with
/// a count (0 or more) is of the layout of earlier versions, where every number was absolute.
extension ArticleParagraph {
    static func encode(_ paragraphs: [ArticleParagraph], to encoder: inout RecordEncoder) {
        encoder.integer(-1)
        encoder.integer(paragraphs.count)
        var end = 0
        var lastLine = 0
        var lastByte = 0
        for paragraph in paragraphs {
            encoder.integer(paragraph.offset - end)
            encoder.integer(paragraph.chars)
            end = paragraph.offset + paragraph.chars
            guard let source = paragraph.source else {
                encoder.bool(false)
                continue
            }
            encoder.bool(true)
            encoder.integer(source.lines.lowerBound - lastLine)
            encoder.integer(source.lines.upperBound - source.lines.lowerBound)
            encoder.integer(source.bytes.lowerBound - lastByte)
            encoder.integer(source.bytes.count)
            lastLine = source.lines.upperBound
            lastByte = source.bytes.upperBound
        }
    }

    static func decode(from decoder: inout RecordDecoder) throws(RecordDecoder.Corrupt) -> [ArticleParagraph] {
        let first = try decoder.integer()
        guard first == -1 else { return try decode(count: first, legacyFrom: &decoder) }
        let count = try decoder.integer()
        // A paragraph takes at least three bytes: no count larger than what is left.
        guard count >= 0, count <= decoder.remaining else { throw RecordDecoder.Corrupt() }
        var paragraphs: [ArticleParagraph] = []
        paragraphs.reserveCapacity(count)
        var end = 0
        var lastLine = 0
        var lastByte = 0
        for _ in 0..<count {
            let (offset, overflowed) = end.addingReportingOverflow(try decoder.integer())
            let chars = try decoder.integer()
            guard !overflowed, chars >= 0, offset <= Int.max - chars else { throw RecordDecoder.Corrupt() }
            end = offset + chars
            var source: SourceSpan?
            if try decoder.bool() {
                let (firstLine, lineOverflow) = lastLine.addingReportingOverflow(try decoder.integer())
                let lines = try decoder.integer()
                let (start, byteOverflow) = lastByte.addingReportingOverflow(try decoder.integer())
                let bytes = try decoder.integer()
                guard !lineOverflow, !byteOverflow, lines >= 0, bytes >= 0, firstLine <= Int.max - lines, start <= Int.max - bytes
                else { throw RecordDecoder.Corrupt() }
                source = SourceSpan(lines: firstLine...(firstLine + lines), bytes: start..<(start + bytes))
                lastLine = firstLine + lines
                lastByte = start + bytes
            }
            paragraphs.append(ArticleParagraph(offset: offset, chars: chars, source: source))
        }
        guard decoder.isAtEnd else { throw RecordDecoder.Corrupt() }
        return paragraphs
    }

    /// The layout of earlier versions, after its count: every number absolute.
    private static func decode(count: Int, legacyFrom decoder: inout RecordDecoder) throws(RecordDecoder.Corrupt) -> [ArticleParagraph] {
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
