/// What of a parsed page becomes text, as chosen by `HTMLContentSelector`.
struct HTMLSelection: Sendable, Equatable {
    /// Elements left out with their whole subtree (`HTMLBoilerplate`).
    var dropped: [Bool]
    /// The nodes written: the main content block's subtree, or the body's.
    var content: Range<Int>
    /// The headline: the first visible heading the `<title>` names, else the first visible `<h1>`.
    var headline: Int?
    /// The `<title>`, site name trimmed; written first when the page has no headline element.
    var title: String?
    /// What the page declares about itself: titles, publication date, address.
    var facts: PageFacts
}
