/// The fingerprints of every stored article as the global dedupe step holds them, in table
/// order (source, then part; an article's index here is its place in that order): column by
/// column, the figure signatures' entries back to back in one array. An article costs about
/// 44 bytes plus 8 a figure; an array of `StoredFingerprint`s cost 80 bytes and an array of its
/// own (about 110 bytes) per article, 21 MB for the 113,074 articles of the 1 GB benchmark.
struct StoredFingerprints: Sendable {
    /// Each article's row in the store.
    private(set) var ids: [Int] = []
    private(set) var exactKeys: [UInt64] = []
    /// Days since 1970 of the stated publication date, `Int32.max` for none: the order of
    /// `CivilDate`, with a stated date before none.
    private var publishedDays: [Int32] = []
    private var chars: [Int] = []
    private var shingleCounts: [Int] = []
    /// Where each article's figure entries end in `figureEntries`.
    private var figureEnds: [Int] = []
    private var figureEntries: [UInt64] = []

    init() {}

    init(_ fingerprints: [StoredFingerprint]) {
        for fingerprint in fingerprints { append(fingerprint) }
    }

    var count: Int { ids.count }

    mutating func append(_ fingerprint: StoredFingerprint) {
        ids.append(fingerprint.id)
        exactKeys.append(fingerprint.exactKey)
        // `CivilDate` is 1900...2100: its days fit, and order as the dates do.
        publishedDays.append(fingerprint.published.map { Int32($0.daysSinceEpoch) } ?? .max)
        chars.append(fingerprint.chars)
        shingleCounts.append(fingerprint.shingleCount)
        figureEntries.append(contentsOf: fingerprint.figures.entries)
        figureEnds.append(figureEntries.count)
    }

    func shingleCount(of index: Int) -> Int { shingleCounts[index] }

    /// The entries of article `index`'s figure signature (`FigureSignature.entries`).
    func figures(of index: Int) -> ArraySlice<UInt64> {
        figureEntries[(index == 0 ? 0 : figureEnds[index - 1])..<figureEnds[index]]
    }

    /// What the duplicate rule knows of article `index` without its shingles.
    func ruleArticle(_ index: Int) -> DuplicateRule.Article {
        DuplicateRule.Article(shingleCount: shingleCounts[index], figures: figures(of: index))
    }

    /// True when the article at `candidate` should be kept rather than the one at `other`: the
    /// earliest published (a stated date beats none), then the most complete (most
    /// characters), then the first in table order.
    func isPreferred(_ candidate: Int, over other: Int) -> Bool {
        let (candidateDay, otherDay) = (publishedDays[candidate], publishedDays[other])
        if candidateDay != otherDay { return candidateDay < otherDay }
        let (candidateChars, otherChars) = (chars[candidate], chars[other])
        if candidateChars != otherChars { return candidateChars > otherChars }
        return candidate < other
    }
}
