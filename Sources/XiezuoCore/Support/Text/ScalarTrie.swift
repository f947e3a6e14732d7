/// A trie over Unicode scalars for the clean stage's word lists (de-spinning phrases, spam
/// keywords, topic words): longest match at a position in one walk, instead of trying every
/// word with `hasPrefix` or calling `String.replacingOccurrences` once per word.
///
/// Lookups run at every position of every article, and the words start with common characters
/// (一, 不, 年, 平, 天 …), so two bitmaps reject almost every position before any dictionary is
/// hashed: one bit per BMP scalar that starts a word (exact, 8 KB), and one bit per hashed pair
/// of first and second scalar (64 Ki bits), consulted unless a one-scalar word starts there.
struct ScalarTrie: Sendable {
    /// The node every walk starts from.
    static let root = 0
    /// Children of each node, by scalar.
    private var children: [[Unicode.Scalar: Int32]] = [[:]]
    /// For each node, the index of the word that ends there, or -1.
    private var wordEnding: [Int32] = [-1]
    /// Bit per BMP scalar: a word starts with it.
    private var firstScalars = [UInt64](repeating: 0, count: 1024)
    /// Bit per BMP scalar: a one-scalar word is exactly it (the pair test does not apply).
    private var singleScalars = [UInt64](repeating: 0, count: 1024)
    /// Bit per hashed (first, second) pair of the longer words.
    private var pairs = [UInt64](repeating: 0, count: 1024)
    /// First scalars beyond the BMP, rare enough for a set.
    private var astralFirstScalars: Set<Unicode.Scalar> = []
    /// Length in scalars of the longest word.
    private(set) var maxWordLength = 0
    /// Number of distinct words.
    private(set) var count = 0

    /// Word `i` of `words` is reported as index `i`. Empty words are skipped; of two equal
    /// words the first keeps its index.
    init(_ words: [[Unicode.Scalar]]) {
        for (index, word) in words.enumerated() where !word.isEmpty {
            var node = Self.root
            for scalar in word {
                if let next = children[node][scalar] {
                    node = Int(next)
                } else {
                    children.append([:])
                    wordEnding.append(-1)
                    children[node][scalar] = Int32(children.count - 1)
                    node = children.count - 1
                }
            }
            guard wordEnding[node] < 0 else { continue }
            wordEnding[node] = Int32(index)
            count += 1
            maxWordLength = max(maxWordLength, word.count)
            let first = word[0].value
            if first < 0x10000 {
                Self.set(&firstScalars, Int(first))
                if word.count == 1 { Self.set(&singleScalars, Int(first)) }
            } else {
                astralFirstScalars.insert(word[0])
            }
            if word.count > 1 { Self.set(&pairs, Self.pairHash(word[0], word[1])) }
        }
    }

    private static func set(_ bits: inout [UInt64], _ bit: Int) {
        bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    @inline(__always)
    private static func isSet(_ bits: [UInt64], _ bit: Int) -> Bool {
        bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    @inline(__always)
    private static func pairHash(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Int {
        Int((first.value &* 0x9E37_79B1 ^ second.value &* 0x85EB_CA77) >> 16)
    }

    var isEmpty: Bool { count == 0 }

    /// False when no word starts with `scalar`: the cheap test before `longestMatch`.
    @inline(__always)
    func mayStart(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x10000 ? Self.isSet(firstScalars, Int(value)) : astralFirstScalars.contains(scalar)
    }

    /// The first position from `start` at which a word of this trie, or of `other`, may start
    /// (`mayStart`); `text.count` when there is none. The scans over whole articles (spam
    /// keywords, off-topic words, de-spinning markers) skip ahead with it: one bitmap test per
    /// scalar through buffer pointers, rather than a call with its bounds checks per scalar.
    func nextCandidate(in text: [Unicode.Scalar], from start: Int, or other: ScalarTrie? = nil) -> Int {
        let otherBits = other?.firstScalars ?? Self.noScalars
        let otherAstral = other?.astralFirstScalars ?? []
        return text.withUnsafeBufferPointer { text in
            firstScalars.withUnsafeBufferPointer { mine in
                otherBits.withUnsafeBufferPointer { theirs in
                    var index = max(start, 0)
                    let count = text.count
                    while index < count {
                        let value = text[index].value
                        if value < 0x10000 {
                            let word = Int(value >> 6)
                            if (mine[word] | theirs[word]) & (1 << UInt64(value & 63)) != 0 { return index }
                        } else if astralFirstScalars.contains(text[index]) || otherAstral.contains(text[index]) {
                            return index
                        }
                        index += 1
                    }
                    return count
                }
            }
        }
    }

    /// A bitmap with no first scalars, for `nextCandidate` without a second trie.
    private static let noScalars = [UInt64](repeating: 0, count: 1024)

    /// The longest word starting at `text[index]` and ending before `end` (the text's end by
    /// default): its length and index.
    func longestMatch(in text: [Unicode.Scalar], at index: Int, end: Int? = nil) -> (length: Int, word: Int)? {
        let end = end ?? text.count
        guard index < end else { return nil }
        let first = text[index]
        guard mayStart(first) else { return nil }
        if first.value < 0x10000, !Self.isSet(singleScalars, Int(first.value)) {
            // No one-scalar word here: a match needs a known (first, second) pair.
            guard index + 1 < end, Self.isSet(pairs, Self.pairHash(first, text[index + 1])) else { return nil }
        }
        var node = Self.root
        var best: (length: Int, word: Int)?
        var position = index
        while position < end, let next = children[node][text[position]] {
            node = Int(next)
            position += 1
            let word = wordEnding[node]
            if word >= 0 { best = (position - index, Int(word)) }
        }
        return best
    }

    /// One step of a walk: the node reached from `node` by `scalar`, if any word continues so.
    func child(of node: Int, _ scalar: Unicode.Scalar) -> Int? {
        children[node][scalar].map(Int.init)
    }

    /// The index of the word ending at `node`, if one does.
    func word(endingAt node: Int) -> Int? {
        let word = wordEnding[node]
        return word >= 0 ? Int(word) : nil
    }
}
