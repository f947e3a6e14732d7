/// What of a parsed page becomes text, as chosen by `HTMLContentSelector`.
struct HTMLSelection: Sendable, Equatable {
    /// Elements left out with their whole subtree (`HTMLBoilerplate`).
    var dropped: [Bool]
    /// The nodes written: the main content block's subtree, or the body's.
    var content: Range<Int>
    /// The page's first visible `<h1>`: its headline.
    var headline: Int?
    /// The `<title>`, site name trimmed; written first when the page has no `<h1>`.
    var title: String?
    /// What the page declares about itself: titles, publication date, address.
    var facts: PageFacts
}
