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

    /// What a pass found: the duplicates (store id → store id of the kept copy) and the work done.
    struct Outcome {
        var verdicts: [Int: Int] = [:]
        var candidatePairs = 0
        var confirmedPairs = 0
    }

    /// Bytes of band-key entries held at once while candidate pairs are found; the bands are
    /// bucketed in as many passes over the store as this needs (one up to about 21,000
    /// articles, five at 100,000), so memory does not grow with the history.
    static let bandPassBytes = 16 << 20

    /// `fingerprints` in table order; `bandKeys` reads their band keys in the same order;
    /// `shingles(id)` loads one article's shingle set; `passBytes` bounds the band entries of
    /// one pass.
    func resolve(
        _ fingerprints: [StoredFingerprint], bands: Int, passBytes: Int = bandPassBytes, bandKeys: BandKeyScan,
        shingles: (Int) throws -> ShingleSet
    ) throws -> Outcome {
        var outcome = Outcome()
        guard config.enabled, fingerprints.count > 1 else { return outcome }
        let threshold = config.nearDuplicates.threshold
        var clusters = DuplicateClusters()
        var firstByExactKey: [UInt64: Int] = [:]
        firstByExactKey.reserveCapacity(fingerprints.count)
        for (index, fingerprint) in fingerprints.enumerated() {
            if let first = firstByExactKey[fingerprint.exactKey] {
                clusters.union(first, index)
            } else {
                firstByExactKey[fingerprint.exactKey] = index
            }
        }
        firstByExactKey = [:]
        // Pairs come sorted by their earlier article, so its shingles are loaded once per run of pairs.
        var left: (index: Int, set: ShingleSet)?
        for (earlier, later) in try candidatePairs(count: fingerprints.count, bands: bands, passBytes: passBytes, bandKeys: bandKeys)
        where !clusters.sameCluster(earlier, later) {
            outcome.candidatePairs += 1
            // Jaccard is at most min/max of the two sizes (the intersection is at most the smaller
            // set, the union at least the larger), so such a pair is decided without its sets.
            let sizes = (fingerprints[earlier].shingleCount, fingerprints[later].shingleCount)
            guard sizes.0 > 0, Double(min(sizes.0, sizes.1)) / Double(max(sizes.0, sizes.1)) >= threshold else { continue }
            if left?.index != earlier { left = (earlier, try shingles(fingerprints[earlier].id)) }
            guard let leftSet = left?.set, !leftSet.isEmpty else { continue }
            let right = try shingles(fingerprints[later].id)
            guard leftSet.jaccard(right, reaches: threshold) else { continue }
            outcome.confirmedPairs += 1
            clusters.union(earlier, later)
        }
        for members in clusters.clusters() where members.count > 1 {
            guard let kept = members.min(by: { Self.isPreferred($0, over: $1, in: fingerprints) }) else { continue }
            for member in members where member != kept {
                outcome.verdicts[fingerprints[member].id] = fingerprints[kept].id
            }
        }
        return outcome
    }

    /// One article's key in one band, for sorting a band into its buckets.
    private struct BandEntry: Comparable {
        var key: UInt64
        var index: UInt32

        static func < (lhs: BandEntry, rhs: BandEntry) -> Bool {
            lhs.key != rhs.key ? lhs.key < rhs.key : lhs.index < rhs.index
        }
    }

    /// Pairs (earlier, later) that share a band key in at least one band, ascending and without
    /// repeats. A group of bands is read per pass, each band sorted so that a bucket is a run of
    /// equal keys: memory is `passBytes`, not the band keys of every article.
    private func candidatePairs(count: Int, bands: Int, passBytes: Int, bandKeys: BandKeyScan) throws -> [(Int, Int)] {
        guard bands > 0, count > 1 else { return [] }
        let bandsPerPass = max(1, min(bands, passBytes / (count * MemoryLayout<BandEntry>.stride)))
        var pairs = Set<UInt64>()
        var firstBand = 0
        while firstBand < bands {
            let group = firstBand..<min(bands, firstBand + bandsPerPass)
            var entries = group.map { _ in [BandEntry]() }
            for band in entries.indices { entries[band].reserveCapacity(count) }
            try bandKeys { index, keys in
                for band in group where band < keys.count {
                    entries[band - group.lowerBound].append(BandEntry(key: keys[band], index: UInt32(index)))
                }
            }
            for band in entries.indices {
                entries[band].sort()
                Self.addBuckets(of: entries[band], to: &pairs)
                entries[band] = []
            }
            firstBand = group.upperBound
        }
        return pairs.sorted().map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) }
    }

    /// Every pair within each run of equal keys of a sorted band.
    private static func addBuckets(of sorted: [BandEntry], to pairs: inout Set<UInt64>) {
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, sorted[end].key == sorted[start].key { end += 1 }
            if end - start > 1 {
                for later in (start + 1)..<end {
                    for earlier in start..<later {
                        pairs.insert(UInt64(sorted[earlier].index) << 32 | UInt64(sorted[later].index))
                    }
                }
            }
            start = end
        }
    }

    /// True when the article at `candidate` should be kept rather than the one at `other`
    /// (positions in table order).
    static func isPreferred(_ candidate: Int, over other: Int, in fingerprints: [StoredFingerprint]) -> Bool {
        switch (fingerprints[candidate].published, fingerprints[other].published) {
        case let (left?, right?) where left != right: return left < right
        case (.some, .none): return true
        case (.none, .some): return false
        default: break
        }
        let (candidateChars, otherChars) = (fingerprints[candidate].chars, fingerprints[other].chars)
        if candidateChars != otherChars { return candidateChars > otherChars }
        return candidate < other
    }
}
