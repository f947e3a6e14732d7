/// Dedupe: a global step over every stored article's fingerprint (tonight's and, with scope
/// "history", every earlier night's). Copies are found two ways: identical text once layout
/// is ignored (the exact key), and near-duplicates — MinHash LSH buckets propose candidates,
/// never all pairs, and an exact Jaccard similarity of the shingle sets confirms them.
///
/// Which copy is kept, documented in the README: the earliest published (a stated date beats
/// none), then the most complete (most characters), then the first in table order (source
/// path, then part).
public struct DedupeStage: Sendable {
    public let config: DedupeConfig

    public init(config: DedupeConfig) {
        self.config = config
    }

    /// What a pass found: the duplicates (key → doc_id of the kept copy) and the work done.
    struct Outcome {
        var verdicts: [ArticleKey: String] = [:]
        var candidatePairs = 0
        var confirmedPairs = 0
    }

    /// `fingerprints` in table order; `shingles(id)` loads one article's shingle set.
    func resolve(_ fingerprints: [StoredFingerprint], shingles: (Int) throws -> ShingleSet) rethrows -> Outcome {
        var outcome = Outcome()
        guard config.enabled, fingerprints.count > 1 else { return outcome }
        var clusters = DuplicateClusters()
        var firstByExactKey: [UInt64: Int] = [:]
        for (index, fingerprint) in fingerprints.enumerated() {
            if let first = firstByExactKey[fingerprint.exactKey] {
                clusters.union(first, index)
            } else {
                firstByExactKey[fingerprint.exactKey] = index
            }
        }
        for (earlier, later) in candidatePairs(fingerprints) where !clusters.sameCluster(earlier, later) {
            outcome.candidatePairs += 1
            let left = try shingles(fingerprints[earlier].id)
            let right = try shingles(fingerprints[later].id)
            guard !left.isEmpty, left.jaccard(right) >= config.nearDuplicates.threshold else { continue }
            outcome.confirmedPairs += 1
            clusters.union(earlier, later)
        }
        for members in clusters.clusters() where members.count > 1 {
            guard let kept = members.min(by: { Self.isPreferred(fingerprints[$0], over: fingerprints[$1]) }) else { continue }
            for member in members where member != kept {
                let duplicate = fingerprints[member]
                outcome.verdicts[ArticleKey(source: duplicate.source, part: duplicate.part)] = fingerprints[kept].docID
            }
        }
        return outcome
    }

    /// Pairs (earlier, later) that share a band key in at least one band, ascending and without
    /// repeats. Bands are bucketed one at a time, so the buckets of only one band are in memory.
    private func candidatePairs(_ fingerprints: [StoredFingerprint]) -> [(Int, Int)] {
        let bands = fingerprints.first?.bandKeys.count ?? 0
        var pairs = Set<UInt64>()
        for band in 0..<bands {
            var buckets: [UInt64: [Int32]] = [:]
            for (index, fingerprint) in fingerprints.enumerated() where band < fingerprint.bandKeys.count {
                buckets[fingerprint.bandKeys[band], default: []].append(Int32(index))
            }
            for members in buckets.values where members.count > 1 {
                for later in 1..<members.count {
                    for earlier in 0..<later {
                        pairs.insert(UInt64(UInt32(members[earlier])) << 32 | UInt64(UInt32(members[later])))
                    }
                }
            }
        }
        return pairs.sorted().map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) }
    }

    /// True when `candidate` should be kept rather than `other`.
    static func isPreferred(_ candidate: StoredFingerprint, over other: StoredFingerprint) -> Bool {
        switch (candidate.published, other.published) {
        case let (left?, right?) where left != right: return left < right
        case (.some, .none): return true
        case (.none, .some): return false
        default: break
        }
        if candidate.chars != other.chars { return candidate.chars > other.chars }
        return ArticleKey(source: candidate.source, part: candidate.part) < ArticleKey(source: other.source, part: other.part)
    }
}
