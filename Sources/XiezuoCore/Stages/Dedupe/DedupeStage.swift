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

    /// Bytes of band and figure-value entries held at once while candidate pairs are found:
    /// the bands are bucketed in as many passes over the store as this needs (one up to about
    /// 11,000 articles, twelve at 113,000), and a pass of figure values is sorted in slices of
    /// ascending values, so memory does not grow with the history.
    static let entryBytes = 8 << 20

    /// How figure values are split into passes (by value, modulo their number), which sets the
    /// order in which value runs are added and so which pairs the per-article cap keeps: the
    /// Spark job splits them alike (`PASS_BYTES`). Fixed, whatever `entryBytes` is.
    static let valuePassBytes = 16 << 20

    /// `fingerprints` in table order; `bandKeys` reads their band keys in the same order;
    /// `shingles(id)` loads one article's shingle set; `passBytes` bounds the band and value
    /// entries held at once.
    func resolve(
        _ fingerprints: StoredFingerprints, bands: Int, passBytes: Int = entryBytes, bandKeys: BandKeyScan,
        shingles: (Int) throws -> ShingleSet
    ) throws -> Outcome {
        var outcome = Outcome()
        guard config.enabled, fingerprints.count > 1 else { return outcome }
        let count = fingerprints.count
        // The kept-copy order: `order[rank]` is a position in table order, `rank[position]` back.
        let order = (0..<count).sorted { fingerprints.isPreferred($0, over: $1) }
        var rank = [UInt32](repeating: 0, count: count)
        for (position, index) in order.enumerated() { rank[index] = UInt32(position) }

        // A copy of identical text takes the verdict of its first copy, and takes no part in
        // finding candidates: a feed of a thousand identical pages is one article there.
        var twinOf = [Int32](repeating: -1, count: count)
        var firstByExactKey: [UInt64: Int32] = [:]
        firstByExactKey.reserveCapacity(count)
        for position in 0..<count {
            let key = fingerprints.exactKeys[order[position]]
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
            rule.admits(fingerprints.ruleArticle(order[later]), fingerprints.ruleArticle(order[earlier]), alikeInWording: origin == .band)
        }

        // The kept-copy pass; a candidate's shingles are loaded once for all its pairs, a kept
        // copy's through the cache.
        var cache = ShingleCache()
        var loaded: (position: Int, set: ShingleSet)?
        let pass = try Self.keptCopies(count: count, twinOf: twinOf, pairs: pairs) { position, earlier in
            let (candidate, kept) = (order[position], order[earlier])
            let mine: ShingleSet
            if let loaded, loaded.position == position {
                mine = loaded.set
            } else {
                mine = try shingles(fingerprints.ids[candidate])
                loaded = (position, mine)
            }
            let theirs = try cache.set(of: fingerprints.ids[kept], load: shingles)
            return rule.isDuplicate(fingerprints.ruleArticle(candidate), mine, of: fingerprints.ruleArticle(kept), theirs)
        }
        outcome.candidatePairs = pass.candidatePairs
        outcome.confirmedPairs = pass.confirmedPairs
        let keptCopy = pass.keptCopy
        for position in 0..<count where keptCopy[position] >= 0 {
            outcome.verdicts[fingerprints.ids[order[position]]] = fingerprints.ids[order[Int(keptCopy[position])]]
        }
        return outcome
    }

    /// Candidate pairs by rank, sorted by later article (`CandidatePairs`): first the runs of
    /// shared figure values, then the LSH bands, each held at most `passBytes` at a time.
    /// Exact twins and articles without shingles take no part; `admits` drops in memory the
    /// pairs that cannot be one story.
    private func candidatePairs(
        _ fingerprints: StoredFingerprints, rank: [UInt32], twinOf: [Int32], bands: Int, passBytes: Int,
        bandKeys: BandKeyScan, admits: CandidatePairs.Admits
    ) throws -> [UInt64] {
        let count = fingerprints.count
        var pairs = CandidatePairs(articles: count)
        let stride = MemoryLayout<CandidatePairs.Entry>.stride
        let budget = max(1, passBytes)
        let taking = (0..<count).filter { twinOf[Int(rank[$0])] < 0 && fingerprints.shingleCount(of: $0) > 0 }

        // Figure values, split by value into passes (`valuePassBytes`); a pass is sorted in
        // slices of ascending values, each within the budget, so its runs come in the order
        // of one sort of the whole pass.
        let valueEntries = taking.reduce(0) { $0 + fingerprints.figures(of: $1).count }
        let valuePasses = max(1, (valueEntries * stride + Self.valuePassBytes - 1) / Self.valuePassBytes)
        func forEachValue(inPass pass: Int, _ body: (_ index: Int, _ value: UInt32) -> Void) {
            for index in taking {
                for value in FigureSignature.values(fingerprints.figures(of: index)) where Int(value) % valuePasses == pass {
                    body(index, value)
                }
            }
        }
        for pass in 0..<valuePasses {
            var passEntries = 0
            forEachValue(inPass: pass) { _, _ in passEntries += 1 }
            let slices = max(1, (passEntries * stride + budget - 1) / budget)
            for slice in 0..<slices {
                // Slice `slice` holds the values v with v · slices / 2³² == slice: a range of values.
                func inSlice(_ value: UInt32) -> Bool { Int((UInt64(value) * UInt64(slices)) >> 32) == slice }
                var sliceEntries = 0
                if slices > 1 { forEachValue(inPass: pass) { _, value in if inSlice(value) { sliceEntries += 1 } } }
                var entries: [CandidatePairs.Entry] = []
                entries.reserveCapacity(slices > 1 ? sliceEntries : passEntries)
                forEachValue(inPass: pass) { index, value in
                    if inSlice(value) { entries.append(CandidatePairs.Entry(key: UInt64(value), figures: 0, rank: rank[index])) }
                }
                entries.sort()
                pairs.addRuns(of: entries, origin: .value, admits: admits)
            }
        }

        // LSH bands, a group of bands per pass over the store.
        guard bands > 0 else { return pairs.sorted() }
        let figureHashes = (0..<count).map { FigureSignature(entries: Array(fingerprints.figures(of: $0))).hash }
        let bandsPerPass = max(1, min(bands, budget / max(1, taking.count * stride)))
        var takesPart = [Bool](repeating: false, count: count)
        for index in taking { takesPart[index] = true }
        var firstBand = 0
        while firstBand < bands {
            let group = firstBand..<min(bands, firstBand + bandsPerPass)
            var entries = group.map { _ in [CandidatePairs.Entry]() }
            for band in entries.indices { entries[band].reserveCapacity(taking.count) }
            try bandKeys { index, keys in
                guard takesPart[index] else { return }
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
}
