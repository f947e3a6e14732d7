/// When an article is a duplicate of a kept copy (the README's dedupe rule, one pair at a time):
///
/// 1. their sizes (distinct shingles) are within the threshold of each other, smaller / larger
///    ≥ `threshold`;
/// 2. their figures do not conflict (`FigureSignature.conflicts(with:)`): the same slot with
///    another value means another story, however alike the wording;
/// 3. and either their shingle sets reach the Jaccard `threshold`, or their figures corroborate
///    each other — at least two values in common, and every value of the one with fewer values
///    found in the other — and the smaller set's containment in the larger reaches half the
///    threshold. The second way finds rewrites of one report (another outlet's wording of the
///    same figures, a copy with a paragraph added or dropped) whose wording alone is too far
///    apart.
///
/// Steps 1 and 2 need no shingles, so most pairs of a crowd are decided without reading any.
struct DuplicateRule {
    let threshold: Double

    /// What the rule knows of an article besides its shingle set: the set's size and its
    /// figure signature's entries (`FigureSignature.entries`).
    struct Article {
        var shingleCount: Int
        var figures: ArraySlice<UInt64>
    }

    /// Decides without shingles: false when sizes or figures already rule the pair out, or
    /// when the pair shares no band key (`alikeInWording` false: it met through a figure value
    /// only) and its figures do not corroborate each other, which leaves it no way through.
    func admits(_ candidate: Article, _ kept: Article, alikeInWording: Bool) -> Bool {
        let (a, b) = (candidate.shingleCount, kept.shingleCount)
        guard a > 0, b > 0, Double(min(a, b)) / Double(max(a, b)) >= threshold else { return false }
        guard !FigureSignature.conflict(candidate.figures, kept.figures) else { return false }
        return alikeInWording || Self.corroborates(candidate.figures, kept.figures)
    }

    /// Whether two figure signatures' entries corroborate each other (step 3's second way).
    static func corroborates(_ first: ArraySlice<UInt64>, _ second: ArraySlice<UInt64>) -> Bool {
        let (left, right) = (FigureSignature.values(first), FigureSignature.values(second))
        let shared = FigureSignature.sharedValues(left, right)
        return shared >= 2 && shared == min(left.count, right.count)
    }

    /// The full rule, for a pair that `admits` let through.
    func isDuplicate(_ candidate: Article, _ candidateSet: ShingleSet, of kept: Article, _ keptSet: ShingleSet) -> Bool {
        if Self.corroborates(candidate.figures, kept.figures) {
            return candidateSet.containment(keptSet, reaches: threshold / 2)
        }
        return candidateSet.jaccard(keptSet, reaches: threshold)
    }
}
