/// Dedupe: a global step over every stored article's fingerprint (tonight's and, with scope
/// "history", every earlier night's). Copies are found two ways: identical text once layout
/// is ignored (the exact key), and near-duplicates — LSH band keys and shared figure values
/// propose candidates (`CandidatePairs`: never all pairs, at most a fixed number per article)
/// and `DuplicateRule` decides each from the shingle sets and the figures.
///
/// Which copy is kept, documented in the README: the earliest published (a stated date beats
/// none), then the most complete (most characters), then the first in table order (source
/// path, then part). Articles are taken in that order; each becomes a duplicate of the first
/// kept copy (in that order) it is a duplicate of by the rule, or is kept itself. So every
/// duplicate is similar to the very copy it names, and a chain of articles drifting from one
/// story to another never makes the last a duplicate of the first: similarity is not carried
/// through the articles between them.
public struct DedupeStage: Sendable {
    public let config: DedupeConfig

    public init(config: DedupeConfig) {
        self.config = config
    }

    /// What a pass found: the duplicates (store id → store id of the kept copy) and the work done.
    struct Outcome {
        var verdicts: [Int: Int] = [:]
        /// Pairs of an article and an earlier kept copy that were looked at.
        var candidatePairs = 0
        /// Of those, the pairs found to be copies (exact twins are not counted).
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
        let count = fingerprints.count
        // The kept-copy order: `order[rank]` is a position in table order, `rank[position]` back.
        let order = (0..<count).sorted { Self.isPreferred($0, over: $1, in: fingerprints) }
        var rank = [UInt32](repeating: 0, count: count)
        for (position, index) in order.enumerated() { rank[index] = UInt32(position) }

        // A copy of identical text takes the verdict of its first copy, and takes no part in
        // finding candidates: a feed of a thousand identical pages is one article there.
        var twinOf = [Int32](repeating: -1, count: count)
        var firstByExactKey: [UInt64: Int32] = [:]
        firstByExactKey.reserveCapacity(count)
        for position in 0..<count {
            let key = fingerprints[order[position]].exactKey
            if let first = firstByExactKey[key] {
                twinOf[position] = first
            } else {
                firstByExactKey[key] = Int32(position)
            }
        }
        firstByExactKey = [:]

        let rule = DuplicateRule(threshold: config.nearDuplicates.threshold)
        let pairs = try candidatePairs(
            fingerprints, rank: rank, twinOf: twinOf, bands: bands, passBytes: passBytes, bandKeys: bandKeys
        ) { earlier, later, origin in
            rule.admits(fingerprints[order[later]], fingerprints[order[earlier]], alikeInWording: origin == .band)
        }

        // The kept-copy pass; a candidate's shingles are loaded once for all its pairs, a kept
        // copy's through the cache.
        var cache = ShingleCache()
        var loaded: (position: Int, set: ShingleSet)?
        let pass = try Self.keptCopies(count: count, twinOf: twinOf, pairs: pairs) { position, earlier in
            let (candidate, kept) = (fingerprints[order[position]], fingerprints[order[earlier]])
            let mine: ShingleSet
            if let loaded, loaded.position == position {
                mine = loaded.set
            } else {
                mine = try shingles(candidate.id)
                loaded = (position, mine)
            }
            let theirs = try cache.set(of: kept.id, load: shingles)
            return rule.isDuplicate(candidate, mine, of: kept, theirs)
        }
        outcome.candidatePairs = pass.candidatePairs
        outcome.confirmedPairs = pass.confirmedPairs
        let keptCopy = pass.keptCopy
        for position in 0..<count where keptCopy[position] >= 0 {
            outcome.verdicts[fingerprints[order[position]].id] = fingerprints[order[Int(keptCopy[position])]].id
        }
        return outcome
    }

    /// Candidate pairs by rank, sorted by later article (`CandidatePairs`): first the runs of
    /// shared figure values, then the LSH bands, each read in passes of at most `passBytes`.
    /// Exact twins and articles without shingles take no part; `admits` drops in memory the
    /// pairs that cannot be one story.
    private func candidatePairs(
        _ fingerprints: [StoredFingerprint], rank: [UInt32], twinOf: [Int32], bands: Int, passBytes: Int,
        bandKeys: BandKeyScan, admits: CandidatePairs.Admits
    ) throws -> [UInt64] {
        let count = fingerprints.count
        var pairs = CandidatePairs(articles: count)
        let stride = MemoryLayout<CandidatePairs.Entry>.stride
        func takesPart(_ index: Int) -> Bool { twinOf[Int(rank[index])] < 0 && fingerprints[index].shingleCount > 0 }
        let figureHashes = fingerprints.map { $0.figures.hash }

        // Figure values, split by value into as many passes as the budget needs.
        let valueEntries = fingerprints.indices.reduce(0) { $0 + (takesPart($1) ? fingerprints[$1].figures.entries.count : 0) }
        let valuePasses = max(1, (valueEntries * stride + passBytes - 1) / max(1, passBytes))
        for pass in 0..<valuePasses {
            var entries: [CandidatePairs.Entry] = []
            for index in fingerprints.indices where takesPart(index) {
                for value in fingerprints[index].figures.valueKeys where Int(value) % valuePasses == pass {
                    entries.append(CandidatePairs.Entry(key: UInt64(value), figures: 0, rank: rank[index]))
                }
            }
            entries.sort()
            pairs.addRuns(of: entries, origin: .value, admits: admits)
        }

        // LSH bands, a group of bands per pass over the store.
        guard bands > 0 else { return pairs.sorted() }
        let bandsPerPass = max(1, min(bands, passBytes / (count * stride)))
        var firstBand = 0
        while firstBand < bands {
            let group = firstBand..<min(bands, firstBand + bandsPerPass)
            var entries = group.map { _ in [CandidatePairs.Entry]() }
            for band in entries.indices { entries[band].reserveCapacity(count) }
            try bandKeys { index, keys in
                guard takesPart(index) else { return }
                for band in group where band < keys.count {
                    entries[band - group.lowerBound].append(
                        CandidatePairs.Entry(key: keys[band], figures: figureHashes[index], rank: rank[index]))
                }
            }
            for band in entries.indices {
                entries[band].sort()
                pairs.addRuns(of: entries[band], origin: .band, admits: admits)
                entries[band] = []
            }
            firstBand = group.upperBound
        }
        return pairs.sorted()
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
