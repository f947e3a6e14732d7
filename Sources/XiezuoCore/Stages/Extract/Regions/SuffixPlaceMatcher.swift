/// Finds villages, communities and subdistricts by their suffix: 径下村, 城南社区, 城南居委会,
/// 涟江街道. The gazetteer cannot list them (there are 650,000 villages, and subdistricts are
/// renamed often), yet they are the most specific place a 百千万工程 story gives.
///
/// A candidate is a stem of CJK scalars plus the suffix, and must start where a word can start.
/// Right after another place mention or a function word (在, 到, 的, 与, 和, 及...) the stem may
/// have 2–4 scalars (吕田镇长征村, 在城南社区); after punctuation, other non-CJK text or at the
/// start of the text only 2, because a sentence's first word is as often a verb as a name (推动村,
/// 也是长征村). Of the stems ending at a suffix, the shortest so bounded is taken (来到径下村 gives
/// 径下村, not 来到径下村). Stop words and continuations keep common nouns and verb phrases out
/// (村民, 示范村, 美丽乡村, 智慧社区, 盘活村, 街道两旁).
struct SuffixPlaceMatcher: Sendable {
    private struct Suffix: Sendable {
        var scalars: [UInt32]
        var level: PlaceLevel
        var continuations: [[UInt32]]
    }

    private let suffixes: [Suffix]
    // Bitmaps, not `Set`s: each candidate asks them several times, and a `Set` hashes every
    // question. All their scalars are in the Basic Multilingual Plane (`PlaceStopListTests`).
    private let functionWords: ScalarBitmap
    private let determiners: ScalarBitmap
    private let forbiddenStemScalars: ScalarBitmap
    /// The stop words by their first scalar, and the set of those first scalars: most scalars of
    /// a candidate start no stop word, and one that does is compared with its own few words only
    /// (walking all 216 at each cost a fifth of the gazetteer scan).
    private let stopWordsByFirst: [UInt32: [[UInt32]]]
    private let stopWordFirsts: ScalarBitmap
    // The first scalars of the suffixes, compared directly: this test runs at every position.
    private let village: UInt32
    private let community: UInt32
    private let committee: UInt32
    private let street: UInt32

    init() {
        let villageEnd = PlaceStopLists.villageContinuations.map(PlaceStopLists.values)
        suffixes = [
            Suffix(scalars: PlaceStopLists.values("村"), level: .village, continuations: villageEnd),
            Suffix(scalars: PlaceStopLists.values("社区"), level: .village, continuations: []),
            Suffix(scalars: PlaceStopLists.values("居委会"), level: .village, continuations: []),
            Suffix(
                scalars: PlaceStopLists.values("街道"), level: .township,
                continuations: PlaceStopLists.streetContinuations.map(PlaceStopLists.values)),
        ]
        functionWords = ScalarBitmap(PlaceStopLists.values(PlaceStopLists.functionWords))
        determiners = ScalarBitmap(PlaceStopLists.values(PlaceStopLists.determiners))
        forbiddenStemScalars = ScalarBitmap(PlaceStopLists.values(PlaceStopLists.forbiddenStemScalars))
        var byFirst: [UInt32: [[UInt32]]] = [:]
        for word in PlaceStopLists.suffixStopWords.map(PlaceStopLists.values) {
            guard let first = word.first else { continue }
            byFirst[first, default: []].append(word)
        }
        stopWordsByFirst = byFirst
        stopWordFirsts = ScalarBitmap(byFirst.keys)
        village = ("村" as Unicode.Scalar).value
        community = ("社" as Unicode.Scalar).value
        committee = ("居" as Unicode.Scalar).value
        street = ("街" as Unicode.Scalar).value
    }

    /// The suffix place starting at `start`, if any. `afterPlace` tells that a mention ends right
    /// before `start`. A township-level result (a stem + 街道) is no subdistrict when its stem is
    /// itself a county or larger place (广州街道上: the place's streets); the caller, who holds the
    /// gazetteer, checks that and then takes no suffix place at `start`.
    @inline(__always)
    func match(
        in text: UnsafeBufferPointer<Unicode.Scalar>, at start: Int, afterPlace: Bool
    ) -> (length: Int, stemLength: Int, level: PlaceLevel)? {
        let count = text.count
        var suffixAhead = false
        var offset = 2
        while offset <= 4, start + offset < count {
            if startsSuffix(text[start + offset].value) {
                suffixAhead = true
                break
            }
            offset += 1
        }
        guard suffixAhead else { return nil }
        return bounded(in: text, at: start, afterPlace: afterPlace)
    }

    /// Whether `value` is the first scalar of a suffix (村, 社区, 居委会, 街道). A match needs one
    /// two to four scalars after its start, so a scan can skip `match` where none is.
    @inline(__always)
    func startsSuffix(_ value: UInt32) -> Bool {
        value == village || value == community || value == committee || value == street
    }

    private func bounded(
        in text: UnsafeBufferPointer<Unicode.Scalar>, at start: Int, afterPlace: Bool
    ) -> (length: Int, stemLength: Int, level: PlaceLevel)? {
        let first = text[start].value
        guard ScalarWords.isIdeograph(first), !functionWords.contains(first), !determiners.contains(first),
            !forbiddenStemScalars.contains(first)
        else { return nil }
        var longestStem = 4
        if !afterPlace && start > 0 {
            let before = text[start - 1].value
            if ScalarWords.isIdeograph(before) {
                guard functionWords.contains(before) else { return nil }
            } else {
                longestStem = 2
            }
        } else if start == 0 {
            longestStem = 2
        }
        let count = text.count
        for stemLength in 2...longestStem {
            let suffixStart = start + stemLength
            guard suffixStart < count else { return nil }
            let last = text[suffixStart - 1].value
            guard ScalarWords.isIdeograph(last), !forbiddenStemScalars.contains(last) else { return nil }
            guard let suffix = suffix(in: text, at: suffixStart) else { continue }
            // A function word inside the stem bounds a shorter stem ending at the same suffix.
            var inner = start + 1
            while inner < suffixStart - 2 {
                if functionWords.contains(text[inner].value) { return nil }
                inner += 1
            }
            let end = suffixStart + suffix.scalars.count
            let candidate = text[start..<end]
            if containsStopWord(candidate) { return nil }
            for continuation in suffix.continuations where Self.hasPrefix(text, at: end, continuation) {
                return nil
            }
            return (end - start, stemLength, suffix.level)
        }
        return nil
    }

    /// Whether a stop word occurs in `candidate` (a stem and its suffix, a few scalars).
    private func containsStopWord(_ candidate: UnsafeBufferPointer<Unicode.Scalar>.SubSequence) -> Bool {
        var index = candidate.startIndex
        while index < candidate.endIndex {
            let value = candidate[index].value
            if stopWordFirsts.contains(value), let words = stopWordsByFirst[value] {
                for word in words where Self.contains(candidate[index...], word) { return true }
            }
            index += 1
        }
        return false
    }

    private func suffix(in text: UnsafeBufferPointer<Unicode.Scalar>, at position: Int) -> Suffix? {
        for suffix in suffixes where Self.hasPrefix(text, at: position, suffix.scalars) {
            return suffix
        }
        return nil
    }

    /// Whether `text` continues with `word` at `position`.
    @inline(__always)
    static func hasPrefix(_ text: UnsafeBufferPointer<Unicode.Scalar>, at position: Int, _ word: [UInt32]) -> Bool {
        guard position + word.count <= text.count else { return false }
        for index in 0..<word.count where text[position + index].value != word[index] {
            return false
        }
        return true
    }

    private static func contains(_ text: UnsafeBufferPointer<Unicode.Scalar>.SubSequence, _ word: [UInt32]) -> Bool {
        guard word.count <= text.count else { return false }
        var start = text.startIndex
        while start + word.count <= text.endIndex {
            var index = 0
            while index < word.count, text[start + index].value == word[index] { index += 1 }
            if index == word.count { return true }
            start += 1
        }
        return false
    }
}
