/// A list of keywords, each mapped to a value, found by plain scalar comparison.
/// Matching prefers the keyword nearest to the figure, then the longest.
struct KeywordSet<Value: Sendable>: Sendable {
    private let entries: [(scalars: [Unicode.Scalar], value: Value)]

    init(_ pairs: [(String, Value)]) {
        entries = pairs.map { (Array($0.0.unicodeScalars), $0.1) }.sorted { $0.scalars.count > $1.scalars.count }
    }

    /// The keyword in `window` whose end is closest to `window.upperBound`.
    func nearest(endingIn window: Range<Int>, of text: [Unicode.Scalar]) -> (value: Value, range: Range<Int>)? {
        var best: (value: Value, range: Range<Int>)?
        for entry in entries {
            guard let range = lastOccurrence(of: entry.scalars, in: window, of: text) else { continue }
            if let current = best, current.range.upperBound >= range.upperBound { continue }
            best = (entry.value, range)
        }
        return best
    }

    /// The keyword in `window` that starts closest to `window.lowerBound`.
    func first(in window: Range<Int>, of text: [Unicode.Scalar]) -> (value: Value, range: Range<Int>)? {
        var best: (value: Value, range: Range<Int>)?
        for entry in entries {
            guard let range = firstOccurrence(of: entry.scalars, in: window, of: text) else { continue }
            if let current = best, current.range.lowerBound <= range.lowerBound { continue }
            best = (entry.value, range)
        }
        return best
    }

    func contains(in window: Range<Int>, of text: [Unicode.Scalar]) -> Bool {
        entries.contains { firstOccurrence(of: $0.scalars, in: window, of: text) != nil }
    }

    private func lastOccurrence(of needle: [Unicode.Scalar], in window: Range<Int>, of text: [Unicode.Scalar]) -> Range<Int>? {
        guard window.count >= needle.count, let first = needle.first else { return nil }
        var start = window.upperBound - needle.count
        while start >= window.lowerBound {
            if text[start] == first, matches(needle, at: start, in: text) { return start..<(start + needle.count) }
            start -= 1
        }
        return nil
    }

    private func firstOccurrence(of needle: [Unicode.Scalar], in window: Range<Int>, of text: [Unicode.Scalar]) -> Range<Int>? {
        guard window.count >= needle.count, let first = needle.first else { return nil }
        var start = window.lowerBound
        while start + needle.count <= window.upperBound {
            if text[start] == first, matches(needle, at: start, in: text) { return start..<(start + needle.count) }
            start += 1
        }
        return nil
    }

    private func matches(_ needle: [Unicode.Scalar], at start: Int, in text: [Unicode.Scalar]) -> Bool {
        for offset in 1..<needle.count where text[start + offset] != needle[offset] { return false }
        return true
    }
}
