/// The lines of one article within a source, and which of them form its head.
struct ArticleSegment: Sendable, Equatable {
    /// Indices into the source's lines; segments tile the source in order.
    var lines: Range<Int>
    /// The headline's line, if the article has one.
    var title: Int?
    /// Heading-shaped lines between the headline and the first prose paragraph (subtitles).
    var decks: [Int]
    /// The first line after the head; body paragraphs start here.
    var bodyStart: Int
}
