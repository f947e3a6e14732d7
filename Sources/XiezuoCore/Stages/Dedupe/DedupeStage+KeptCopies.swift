extension DedupeStage {
    /// What the kept-copy pass decided: `keptCopy[position]` is the position of the copy the
    /// article is a duplicate of, or -1 when it is kept; and the pairs looked at and confirmed.
    struct KeptCopies {
        var keptCopy: [Int32]
        var candidatePairs = 0
        var confirmedPairs = 0
    }

    /// The kept-copy pass, shared by `resolve` (the whole run) and `DedupeGroup` (a component
    /// on Spark): positions in the kept-copy order; `pairs` sorted by later article, then
    /// earlier (`CandidatePairs.sorted()`). Each article takes its twin's verdict, or becomes a
    /// duplicate of the first earlier kept copy among its candidates that `isDuplicate(later,
    /// earlier)` confirms, or is kept.
    static func keptCopies(
        count: Int, twinOf: [Int32], pairs: [UInt64], isDuplicate: (_ later: Int, _ earlier: Int) throws -> Bool
    ) rethrows -> KeptCopies {
        var result = KeptCopies(keptCopy: [Int32](repeating: -1, count: count))
        var cursor = 0
        for position in 0..<count {
            let twin = Int(twinOf[position])
            if twin >= 0 { result.keptCopy[position] = result.keptCopy[twin] >= 0 ? result.keptCopy[twin] : Int32(twin) }
            while cursor < pairs.count, CandidatePairs.later(pairs[cursor]) == position {
                let earlier = CandidatePairs.earlier(pairs[cursor])
                cursor += 1
                guard result.keptCopy[position] < 0, result.keptCopy[earlier] < 0 else { continue }
                result.candidatePairs += 1
                guard try isDuplicate(position, earlier) else { continue }
                result.confirmedPairs += 1
                result.keptCopy[position] = Int32(earlier)
            }
        }
        return result
    }
}
