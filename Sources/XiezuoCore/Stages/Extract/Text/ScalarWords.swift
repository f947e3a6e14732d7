/// Word tests on a scalar array, for the region resolver's cue words. Plain loops over `UInt32`
/// values, because they run at every place mention of every article (no Regex, no `Character`).
enum ScalarWords {
    /// `words` as scalar values, longest first, so that the first match is the longest.
    static func values(_ words: [String]) -> [[UInt32]] {
        words.map { $0.unicodeScalars.map(\.value) }.sorted { $0.count > $1.count }
    }

    /// Whether `text` continues with `word` at `position`.
    @inline(__always)
    static func matches(_ text: [Unicode.Scalar], at position: Int, _ word: [UInt32]) -> Bool {
        guard position >= 0, position + word.count <= text.count else { return false }
        var index = 0
        while index < word.count {
            if text[position + index].value != word[index] { return false }
            index += 1
        }
        return true
    }

    /// The length of the first (longest) of `words` that `text` continues with at `position`, or 0.
    static func match(_ text: [Unicode.Scalar], at position: Int, _ words: [[UInt32]]) -> Int {
        for word in words where matches(text, at: position, word) { return word.count }
        return 0
    }

    /// The length of the first (longest) of `words` that ends right before `end`, or 0.
    static func matchEnding(_ text: [Unicode.Scalar], before end: Int, _ words: [[UInt32]]) -> Int {
        for word in words where matches(text, at: end - word.count, word) { return word.count }
        return 0
    }

    @inline(__always)
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        isIdeograph(scalar.value)
    }

    /// CJK unified ideographs (with extension A, the compatibility block and the supplementary
    /// planes' extensions): what a Chinese place name is written in.
    @inline(__always)
    static func isIdeograph(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0x20000...0x3134F).contains(value)
    }
}
