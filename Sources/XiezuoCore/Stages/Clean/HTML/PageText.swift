/// Step 1b's output: the text the line steps read, and where its lines came from.
struct PageText: Sendable, Equatable {
    var scalars: [Unicode.Scalar]
    /// For an HTML page, the 0-based page lines of each line of `scalars` (split at LF, blank
    /// lines included; nil where unknown). Nil for a text page, whose lines are its own.
    var lineOrigins: PageLineOrigins?
    /// What an HTML page declares about itself; empty for a text page.
    var facts = PageFacts()
}
