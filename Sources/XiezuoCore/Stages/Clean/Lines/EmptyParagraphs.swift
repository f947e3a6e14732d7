/// Paragraphs (the lines of an article's text, between `\n`) that spam removal emptied whole.
enum EmptyParagraphs {
    /// `text` without its empty paragraphs (and so without a leading, trailing or doubled
    /// `\n`), the indices of the paragraphs kept, and how many paragraphs `text` had.
    static func removed(from text: [Unicode.Scalar]) -> (text: [Unicode.Scalar], kept: [Int], paragraphs: Int) {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(text.count)
        var kept: [Int] = []
        var paragraphs = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { paragraphs += 1 }
            guard !paragraph.isEmpty else { continue }
            if !output.isEmpty { output.append("\n") }
            output += paragraph
            kept.append(paragraphs)
        }
        return (output, kept, paragraphs)
    }
}
