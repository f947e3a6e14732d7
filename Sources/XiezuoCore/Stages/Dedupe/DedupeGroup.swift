/// One connected group of candidate pairs, decided as `DedupeStage` decides the whole run:
/// what a distributed runner hands back to xiezuo (`xiezuo dedupe`) once it has found the
/// candidate pairs with `run`'s bucket rules and split them into connected components
/// (README, "Spark"). The decision is `run`'s own code: each pair, in the order `run` adds
/// it, goes through `CandidatePairs.add` (admission by sizes and figures, at most
/// `perArticle` candidates per article), then the kept-copy pass (`DedupeStage.keptCopies`)
/// checks them with `DuplicateRule`.
///
/// A component holds every pair of each of its articles, so the per-article cap and each
/// article's verdict come out as in one pass over the whole run: the verdict of an article
/// depends only on its own candidates and the verdicts of the earlier articles they name.
public struct DedupeGroup: Sendable {
    /// An article of the group: its rank in the run's kept-copy order, its shingles and its
    /// figures.
    public struct Member: Sendable {
        public var rank: Int
        public var shingles: ShingleSet
        public var figures: FigureSignature

        public init(rank: Int, shingles: ShingleSet, figures: FigureSignature) {
            self.rank = rank
            self.shingles = shingles
            self.figures = figures
        }
    }

    /// A candidate pair by ranks, met through a shared band key (`alikeInWording`) or a
    /// shared figure value.
    public struct Pair: Sendable {
        public var earlier: Int
        public var later: Int
        public var alikeInWording: Bool

        public init(earlier: Int, later: Int, alikeInWording: Bool) {
            self.earlier = earlier
            self.later = later
            self.alikeInWording = alikeInWording
        }
    }

    /// The group's decision: (duplicate's rank, kept copy's rank), and the work done.
    public struct Verdicts: Sendable, Equatable {
        public var duplicates: [(rank: Int, keptRank: Int)]
        public var candidatePairs: Int
        public var confirmedPairs: Int

        public static func == (lhs: Verdicts, rhs: Verdicts) -> Bool {
            lhs.duplicates.map(\.rank) == rhs.duplicates.map(\.rank) && lhs.duplicates.map(\.keptRank) == rhs.duplicates.map(\.keptRank)
                && lhs.candidatePairs == rhs.candidatePairs && lhs.confirmedPairs == rhs.confirmedPairs
        }
    }

    public let threshold: Double

    public init(threshold: Double) {
        self.threshold = threshold
    }

    /// Whether `run` would keep the candidate pair at all (`DuplicateRule.admits`, from sizes
    /// and figures alone): a pure function of the pair, so a runner may drop the others before
    /// it forms components, which keeps them small (a crowd of bulletins whose figures
    /// conflict falls apart into single articles). `shingles` are the sets' sizes.
    public func admits(earlier: (shingles: Int, figures: FigureSignature), later: (shingles: Int, figures: FigureSignature), alikeInWording: Bool) -> Bool {
        let article = { (side: (shingles: Int, figures: FigureSignature)) in
            DuplicateRule.Article(shingleCount: side.shingles, figures: side.figures.entries[...])
        }
        return DuplicateRule(threshold: threshold).admits(article(later), article(earlier), alikeInWording: alikeInWording)
    }

    /// Decides the group. `members` in any order (ranks distinct); `pairs` in the order `run`
    /// adds them (README, "Spark": value runs by pass and value, then bands by band and key).
    /// A pair naming a rank not among `members` is a `DedupeGroupError`.
    public func resolve(members: [Member], pairs: [Pair]) throws(DedupeGroupError) -> Verdicts {
        let sorted = members.sorted { $0.rank < $1.rank }
        var position: [Int: Int] = [:]
        for (index, member) in sorted.enumerated() {
            guard position.updateValue(index, forKey: member.rank) == nil else { throw DedupeGroupError.repeatedRank(member.rank) }
        }
        let articles = sorted.map { member in
            DuplicateRule.Article(shingleCount: member.shingles.count, figures: member.figures.entries[...])
        }
        let rule = DuplicateRule(threshold: threshold)
        var candidates = CandidatePairs(articles: sorted.count)
        for pair in pairs {
            guard let earlier = position[pair.earlier], let later = position[pair.later] else {
                throw DedupeGroupError.unknownRank(position[pair.earlier] == nil ? pair.earlier : pair.later)
            }
            candidates.add(UInt32(earlier), UInt32(later), pair.alikeInWording ? .band : .value) { earlier, later, origin in
                rule.admits(articles[later], articles[earlier], alikeInWording: origin == .band)
            }
        }
        let twins = [Int32](repeating: -1, count: sorted.count)
        let outcome = DedupeStage.keptCopies(count: sorted.count, twinOf: twins, pairs: candidates.sorted()) { later, earlier in
            rule.isDuplicate(articles[later], sorted[later].shingles, of: articles[earlier], sorted[earlier].shingles)
        }
        var duplicates: [(rank: Int, keptRank: Int)] = []
        for (index, kept) in outcome.keptCopy.enumerated() where kept >= 0 {
            duplicates.append((sorted[index].rank, sorted[Int(kept)].rank))
        }
        return Verdicts(duplicates: duplicates, candidatePairs: outcome.candidatePairs, confirmedPairs: outcome.confirmedPairs)
    }
}
