/// Whether a line of the page is a title the page declares (`<title>`, `og:title`, `<h1>`;
/// `PageFacts.titles`): what the headline chooser and the HTML selector both ask.
enum DeclaredTitle {
    /// The line is one of the declared titles, or one holds the other and the shorter is most
    /// of the longer (a title with a column name left on, a headline with a page marker).
    static func agrees(_ line: [Unicode.Scalar], with declared: [[Unicode.Scalar]]) -> Bool {
        declared.contains { title in
            if title == line { return true }
            let (short, long) = title.count < line.count ? (title, line) : (line, title)
            guard short.count >= 6, Double(short.count) >= 0.6 * Double(long.count) else { return false }
            return ScalarText.firstIndex(of: short, in: long[...]) != nil
        }
    }
}
