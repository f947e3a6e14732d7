/// Splits cleaned text into sentences: a paragraph is a line; a sentence ends at 。！？；
/// (or their ASCII forms), together with any closing quotes or brackets right after it.
///
/// A run of `maxChars` scalars without a terminator is cut after its last comma (or hard, when
/// it has none): real sentences are far shorter, and every per-figure search in extract is
/// bounded by its sentence, so an unpunctuated wall of text must not make them quadratic.
enum SentenceSplitter {
    static let maxChars = 1_000

    static func sentences(in text: [Unicode.Scalar]) -> [Sentence] {
        var sentences: [Sentence] = []
        var start = 0
        var paragraph = 0
        var index = 0
        var lastComma: Int?
        func close(at end: Int) {
            // Trim spaces so that evidence reads cleanly.
            var lower = start
            var upper = end
            while lower < upper, text[lower].properties.isWhitespace { lower += 1 }
            while upper > lower, text[upper - 1].properties.isWhitespace { upper -= 1 }
            if lower < upper { sentences.append(Sentence(range: lower..<upper, paragraph: paragraph)) }
        }
        while index < text.count {
            let scalar = text[index]
            if scalar == "\n" {
                close(at: index)
                paragraph += 1
                index += 1
                start = index
                lastComma = nil
                continue
            }
            if terminators.contains(scalar) {
                var end = index + 1
                while end < text.count, closers.contains(text[end]) || terminators.contains(text[end]) { end += 1 }
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
            if commas.contains(scalar) { lastComma = index + 1 }
            index += 1
        }
        close(at: text.count)
        return sentences
    }

    private static let terminators: Set<Unicode.Scalar> = ["。", "！", "？", "；", "!", "?", ";"]
    private static let commas: Set<Unicode.Scalar> = ["，", ",", "、", "：", ":"]
    private static let closers: Set<Unicode.Scalar> = ["”", "’", "」", "』", "）", ")", "》", "\""]
}
