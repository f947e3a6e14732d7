/// Splits cleaned text into sentences: a paragraph is a line; a sentence ends at 。！？；
/// (or their ASCII forms), together with any closing quotes or brackets right after it.
enum SentenceSplitter {
    static func sentences(in text: [Unicode.Scalar]) -> [Sentence] {
        var sentences: [Sentence] = []
        var start = 0
        var paragraph = 0
        var index = 0
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
                continue
            }
            if terminators.contains(scalar) {
                var end = index + 1
                while end < text.count, closers.contains(text[end]) || terminators.contains(text[end]) { end += 1 }
                close(at: end)
                index = end
                start = end
                continue
            }
            index += 1
        }
        close(at: text.count)
        return sentences
    }

    private static let terminators: Set<Unicode.Scalar> = ["。", "！", "？", "；", "!", "?", ";"]
    private static let closers: Set<Unicode.Scalar> = ["”", "’", "」", "』", "）", ")", "》", "\""]
}
