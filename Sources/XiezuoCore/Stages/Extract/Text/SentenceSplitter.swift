/// Splits cleaned text into sentences: a paragraph is a line; a sentence ends at 。！？；
/// (or their ASCII forms), together with any closing quotes or brackets right after it.
///
/// This runs over every scalar of every article, so the character classes are `switch`es on
/// the scalar value (a few compares) rather than `Set` lookups (a hash per scalar) or
/// `Unicode.Scalar.Properties` (a table walk in the standard library).
///
/// A run of `maxChars` scalars without a terminator is cut after its last comma (or hard, when
/// it has none): real sentences are far shorter, and every per-figure search in extract is
/// bounded by its sentence, so an unpunctuated wall of text must not make them quadratic.
enum SentenceSplitter {
    static let maxChars = 1_000

    static func sentences(in text: [Unicode.Scalar]) -> [Sentence] {
        split(text).sentences
    }

    /// The sentences of `text` and its paragraphs, as `TextParagraphs.ranges(of:)` gives them (a
    /// sentence's `paragraph` indexes them), found in the one walk.
    static func split(_ text: [Unicode.Scalar]) -> (sentences: [Sentence], paragraphs: [Range<Int>]) {
        text.withUnsafeBufferPointer { split($0) }
    }

    private static func split(_ text: UnsafeBufferPointer<Unicode.Scalar>) -> (sentences: [Sentence], paragraphs: [Range<Int>]) {
        var sentences: [Sentence] = []
        var paragraphs: [Range<Int>] = []
        var start = 0
        var paragraph = 0
        var paragraphStart = 0
        var index = 0
        let count = text.count
        var lastComma: Int?
        func close(at end: Int) {
            // Trim spaces so that evidence reads cleanly.
            var lower = start
            var upper = end
            while lower < upper, isWhitespace(text[lower]) { lower += 1 }
            while upper > lower, isWhitespace(text[upper - 1]) { upper -= 1 }
            if lower < upper { sentences.append(Sentence(range: lower..<upper, paragraph: paragraph)) }
        }
        while index < count {
            // Most scalars are ideographs: none of the marks below lies in their blocks, so only
            // the length cut bounds a run of them.
            let limit = min(count, start + maxChars)
            while index < limit, !Self.mayBeMark(text[index]) { index += 1 }
            guard index < count else { break }
            let scalar = text[index]
            if scalar == "\n" {
                close(at: index)
                paragraphs.append(paragraphStart..<index)
                paragraphStart = index + 1
                paragraph += 1
                index += 1
                start = index
                lastComma = nil
                continue
            }
            if isTerminator(scalar) {
                var end = index + 1
                while end < count, isCloser(text[end]) || isTerminator(text[end]) { end += 1 }
                close(at: end)
                index = end
                start = end
                lastComma = nil
                continue
            }
            if index - start >= maxChars {
                let end = lastComma ?? index
                close(at: end)
                start = end
                lastComma = nil
                continue
            }
            if isComma(scalar) { lastComma = index + 1 }
            index += 1
        }
        close(at: count)
        if count > paragraphStart || !paragraphs.isEmpty { paragraphs.append(paragraphStart..<count) }
        return (sentences, paragraphs)
    }

    /// Whether `scalar` can be a newline, a terminator, a closer or a comma: ASCII, the CJK
    /// punctuation block (。、」…), the general punctuation block (” ’) or the fullwidth forms
    /// (！？；，：）).
    @inline(__always)
    static func mayBeMark(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // The ideographs lie between the CJK punctuation and the fullwidth forms: one test.
        if value >= 0x3040 && value < 0xFF00 { return false }
        return value < 0x80 || (0x2000...0x206F).contains(value) || (0x3000...0x303F).contains(value)
            || (0xFF00...0xFFEF).contains(value)
    }

    /// 。！？； and ! ? ;
    @inline(__always)
    static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F, 0x3B: return true
        default: return false
        }
    }

    /// ” ’ 」 』 ） ) 》 "
    @inline(__always)
    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x300B, 0x22: return true
        default: return false
        }
    }

    /// Unicode's White_Space property (what `properties.isWhitespace` answers), spelled out.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// ，,、：: — where an over-long run is cut.
    @inline(__always)
    private static func isComma(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFF0C, 0x2C, 0x3001, 0xFF1A, 0x3A: return true
        default: return false
        }
    }
}
