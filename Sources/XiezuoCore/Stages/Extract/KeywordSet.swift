/// A list of keywords, each mapped to a value, found by plain scalar comparison.
/// Matching prefers the keyword nearest to the figure, then the longest.
///
/// A look-up walks its window once, from the end nearest the figure, and compares keywords only
/// where a bitmap of their first (or last) scalars says one may start (or end): the classifier
/// searches whole sentences before every figure, and a walk per keyword cost their product.
struct KeywordSet<Value: Sendable>: Sendable {
    /// Longest first, so that at one position the first keyword that matches is the longest.
    private let entries: [(scalars: [Unicode.Scalar], value: Value)]
    private let firsts: ScalarBitmap
    private let lasts: ScalarBitmap

    init(_ pairs: [(String, Value)]) {
        entries = pairs.map { (Array($0.0.unicodeScalars), $0.1) }.filter { !$0.0.isEmpty }
            .sorted { $0.scalars.count > $1.scalars.count }
        firsts = ScalarBitmap(entries.compactMap(\.scalars.first?.value))
        lasts = ScalarBitmap(entries.compactMap(\.scalars.last?.value))
    }

    /// The keyword in `window` whose end is closest to `window.upperBound` (the longest of those
    /// ending there).
    func nearest(endingIn window: Range<Int>, of text: [Unicode.Scalar]) -> (value: Value, range: Range<Int>)? {
        var end = min(window.upperBound, text.count)
        while end > window.lowerBound {
            if lasts.contains(text[end - 1].value) {
                for entry in entries where entry.scalars.count <= end - window.lowerBound {
                    let start = end - entry.scalars.count
                    if matches(entry.scalars, at: start, in: text) { return (entry.value, start..<end) }
                }
            }
            end -= 1
        }
        return nil
    }

    /// The keyword in `window` that starts closest to `window.lowerBound` (the longest of those
    /// starting there).
    func first(in window: Range<Int>, of text: [Unicode.Scalar]) -> (value: Value, range: Range<Int>)? {
        var start = max(window.lowerBound, 0)
        while start < window.upperBound {
            if firsts.contains(text[start].value) {
                for entry in entries where start + entry.scalars.count <= window.upperBound {
                    if matches(entry.scalars, at: start, in: text) { return (entry.value, start..<(start + entry.scalars.count)) }
                }
            }
            start += 1
        }
        return nil
    }

    func contains(in window: Range<Int>, of text: [Unicode.Scalar]) -> Bool {
        first(in: window, of: text) != nil
    }

    @inline(__always)
    private func matches(_ needle: [Unicode.Scalar], at start: Int, in text: [Unicode.Scalar]) -> Bool {
        for offset in 0..<needle.count where text[start + offset] != needle[offset] { return false }
        return true
    }
}
