/// A list of cue words with bitmaps of their first and last scalars, so that the test at a
/// position usually ends with one bit look-up: the region cues are checked around every place
/// mention of every article.
struct CueWords: Sendable {
    /// The words as scalar values, longest first, so that the first match is the longest.
    let words: [[UInt32]]
    private let firsts: ScalarBitmap
    private let lasts: ScalarBitmap

    init(_ words: [String]) {
        self.words = ScalarWords.values(words)
        firsts = ScalarBitmap(self.words.compactMap(\.first))
        lasts = ScalarBitmap(self.words.compactMap(\.last))
    }

    /// The length of the longest word that `text` continues with at `position`, or 0.
    @inline(__always)
    func match(_ text: [Unicode.Scalar], at position: Int) -> Int {
        guard position >= 0, position < text.count, firsts.contains(text[position].value) else { return 0 }
        return ScalarWords.match(text, at: position, words)
    }

    /// The length of the longest word that ends right before `end`, or 0.
    @inline(__always)
    func matchEnding(_ text: [Unicode.Scalar], before end: Int) -> Int {
        guard end > 0, end <= text.count, lasts.contains(text[end - 1].value) else { return 0 }
        return ScalarWords.matchEnding(text, before: end, words)
    }

    /// Whether one of the words stands anywhere in `text[range]`.
    func occurs(in text: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        for position in range where firsts.contains(text[position].value) {
            for word in words where position + word.count <= range.upperBound && ScalarWords.matches(text, at: position, word) {
                return true
            }
        }
        return false
    }

    /// Whether `value` can start one of the words.
    @inline(__always)
    func mayStart(_ value: UInt32) -> Bool {
        firsts.contains(value)
    }
}
