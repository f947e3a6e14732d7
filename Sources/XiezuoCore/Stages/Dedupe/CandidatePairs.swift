/// The pairs of articles dedupe looks at: those that share an LSH band key (alike in wording)
/// or a figure value (reporting the same amount), never all pairs, and never more than a fixed
/// number per article, whatever the input.
///
/// Articles are numbered by their rank in the kept-copy order; a pair is (earlier, later) in
/// that order. Sharing a band key or a value puts articles in one *run* of a sorted list:
/// - a run of up to `fullRun` articles gives every pair in it (the usual case: a story and its
///   few copies);
/// - a larger band run is crowded (templated bulletins, a feed of near-identical pages): each
///   member is paired only with the `crowdPartners` most preferred members of the run and of
///   the part of the run with exactly its figures. The kept copy of a story is the most
///   preferred of its copies, so a copy still meets it; and a copy shares its story's
///   distinctive figures (2234万元), whose value runs are small, so a crowd of bulletins that
///   differ in their figures never hides it;
/// - a larger value run (a value as common as 4家 or 100万元) gives no pairs: sharing it says
///   nothing of a copy, which meets its story through distinctive values or its wording.
/// - a pair is kept only when what is in memory (sizes, figures) leaves it a way to be one
///   story (`Admits`): bulletins whose figures conflict are dropped here, without a read;
/// - every article has at most `perArticle` earlier candidates so kept; later ones are dropped.
///
/// Work: sorting the band and value lists, then at most `fullRun` pairs per article per run,
/// each checked in memory; memory: the lists of one pass (`passBytes`) and at most
/// `perArticle` pairs per article.
struct CandidatePairs {
    static let fullRun = 32
    static let crowdPartners = 8
    static let perArticle = 64

    /// One article's key in one band (or one of its figure values), for sorting into runs.
    struct Entry: Comparable {
        var key: UInt64
        /// The hash of the article's figures: in a crowded band run, copies with the same
        /// figures sit together.
        var figures: UInt32
        var rank: UInt32

        static func < (lhs: Entry, rhs: Entry) -> Bool {
            if lhs.key != rhs.key { return lhs.key < rhs.key }
            if lhs.figures != rhs.figures { return lhs.figures < rhs.figures }
            return lhs.rank < rhs.rank
        }
    }

    /// Why two articles met: they share a band key (alike in wording: the Jaccard way of the
    /// rule applies) or a figure value (only the corroborating-figures way can apply).
    enum Origin {
        case band, value
    }

    /// `later << 32 | earlier`, so that sorting groups the pairs by their later article.
    private var pairs = Set<UInt64>()
    /// Candidates kept per later article, up to `perArticle`.
    private var counts: [UInt8]

    init(articles: Int) {
        counts = [UInt8](repeating: 0, count: articles)
    }

    /// The pairs found, sorted by later article, then earlier (most preferred first).
    func sorted() -> [UInt64] { pairs.sorted() }

    static func later(_ pair: UInt64) -> Int { Int(pair >> 32) }
    static func earlier(_ pair: UInt64) -> Int { Int(pair & 0xFFFF_FFFF) }

    /// Decides from what is in memory whether a pair (earlier, later) met this way could be
    /// one story at all (`DuplicateRule.admits`); pairs it refuses are not kept, so they
    /// neither take memory nor count against `perArticle`.
    typealias Admits = (_ earlier: Int, _ later: Int, _ origin: Origin) -> Bool

    mutating func add(_ first: UInt32, _ second: UInt32, _ origin: Origin, _ admits: Admits) {
        guard first != second else { return }
        let (earlier, later) = first < second ? (first, second) : (second, first)
        let pair = UInt64(later) << 32 | UInt64(earlier)
        guard counts[Int(later)] < Self.perArticle, !pairs.contains(pair), admits(Int(earlier), Int(later), origin) else {
            return
        }
        pairs.insert(pair)
        counts[Int(later)] += 1
    }

    /// Pairs within the runs of equal keys of `sorted` (sorted by `Entry`'s order), met the
    /// way `origin` says.
    mutating func addRuns(of sorted: [Entry], origin: Origin, admits: Admits) {
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, sorted[end].key == sorted[start].key { end += 1 }
            if end - start <= Self.fullRun {
                for later in start..<end {
                    for earlier in start..<later { add(sorted[earlier].rank, sorted[later].rank, origin, admits) }
                }
            } else {
                if origin == .band { addCrowded(sorted[start..<end], admits: admits) }
            }
            start = end
        }
    }

    private mutating func addCrowded(_ run: ArraySlice<Entry>, admits: Admits) {
        // The run's most preferred members (smallest ranks), ascending.
        var leaders: [UInt32] = []
        for entry in run {
            guard leaders.count < Self.crowdPartners || entry.rank < leaders[leaders.count - 1] else { continue }
            let position = leaders.firstIndex { $0 > entry.rank } ?? leaders.count
            leaders.insert(entry.rank, at: position)
            if leaders.count > Self.crowdPartners { leaders.removeLast() }
        }
        var index = run.startIndex
        while index < run.endIndex {
            var end = index + 1
            while end < run.endIndex, run[end].figures == run[index].figures { end += 1 }
            // Within equal figures the entries are in rank order: the first are the most preferred.
            let sameFigures = run[index..<min(end, index + Self.crowdPartners)].map(\.rank)
            for entry in run[index..<end] {
                for leader in leaders where leader < entry.rank { add(leader, entry.rank, .band, admits) }
                for partner in sameFigures where partner < entry.rank { add(partner, entry.rank, .band, admits) }
            }
            index = end
        }
    }
}
