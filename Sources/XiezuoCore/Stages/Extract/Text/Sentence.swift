/// A sentence of a cleaned article, located by Unicode-scalar offsets.
struct Sentence: Sendable, Equatable {
    var range: Range<Int>
    /// Index of the paragraph (line of the cleaned text) the sentence belongs to.
    var paragraph: Int
}
