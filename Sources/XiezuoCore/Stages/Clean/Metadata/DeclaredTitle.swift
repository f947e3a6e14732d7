/// Whether a line of the page is a title the page declares (`<title>`, `og:title`, `<h1>`;
/// `PageFacts.titles`): what the headline chooser and the HTML selector both ask.
enum DeclaredTitle {
    /// The line is one of the declared titles, or one holds the other and the shorter is most
    /// of the longer (a title with a column name left on, a headline with a page marker).
    static func agrees(_ line: some ScalarLine, with declared: [[Unicode.Scalar]]) -> Bool {
        declared.contains { title in
            if title.elementsEqual(line) { return true }
            if title.count < line.count {
                guard title.count >= 6, Double(title.count) >= 0.6 * Double(line.count) else { return false }
                return ScalarText.firstIndex(of: title, in: line) != nil
            }
            guard line.count >= 6, Double(line.count) >= 0.6 * Double(title.count) else { return false }
            return ScalarText.firstIndex(of: Array(line), in: title[...]) != nil
        }
    }
}
