@testable import XiezuoCore

/// Finds candidate pairs through LSH buckets (never all pairs) and confirms them by exact
/// Jaccard.
///
/// Each band has a table from band key to the newest article in that bucket, and every article
/// keeps, per band, the previous article of its bucket: the buckets are singly linked lists
/// threaded through one flat `[Int32]`. Against `[UInt64: [Int32]]` this saves an array
/// allocation per bucket (almost every bucket holds one article): about 19 bytes per article
/// and band, 910 bytes at the default 48 bands.
///
/// The index also holds every article's shingle set for the exact re-check: 4 bytes per
/// distinct shingle, about 3.4 bytes per character of text, and most of its memory. Measured
/// over 100,000 generated articles of 950 characters (`DedupeNearDuplicateBenchmarkTests`):
/// 4,166 bytes per article by the capacities (3,235 shingle sets, 910 buckets, 21 ids), 4,403
/// of resident memory — 440 MB for 100,000 such articles. Insertion is O(bands + candidates
/// × shingles) and took 22 µs per article there; the candidates of an article are the earlier
/// articles sharing a band key with it, few unless its story has many copies.
public struct NearDuplicateIndex: Sendable {
    public let parameters: NearDuplicateParameters
    /// The caller's id of each article, by slot (insertion order).
    private var ids: [Int] = []
    private var sets: [ShingleSet] = []
    /// Per band: band key → newest slot in that bucket.
    private var heads: [[UInt64: Int32]]
    /// `previous[slot * bands + band]`: the next older slot in the same bucket, or -1.
    private var previous: [Int32] = []
    /// Candidate pairs looked at (distinct earlier articles sharing at least one band key).
    public private(set) var candidatePairs = 0
    /// Candidate pairs whose Jaccard similarity reached the threshold.
    public private(set) var confirmedPairs = 0

    /// An empty index; `parameters` must be valid (`problems(at:)` empty).
    public init(parameters: NearDuplicateParameters) {
        precondition(parameters.isValid, "invalid near-duplicate parameters: \(parameters)")
        self.parameters = parameters
        heads = Array(repeating: [:], count: parameters.bands)
    }

    /// Articles inserted so far.
    public var count: Int { ids.count }

    /// Adds an article; returns the ids of earlier articles it is a near-duplicate of (Jaccard
    /// ≥ threshold), ascending.
    ///
    /// An article without shingles is stored but put in no bucket: every empty set has the
    /// same band keys and would make one bucket of all of them. `signature` must come from
    /// `shingles` with this index's parameters.
    public mutating func insert(id: Int, shingles: ShingleSet, signature: MinHashSignature) -> [Int] {
        let bands = heads.count
        precondition(
            signature.bandKeys.count == bands, "signature has \(signature.bandKeys.count) bands, index \(bands)")
        precondition(ids.count < Int(Int32.max), "a near-duplicate index holds at most 2³¹ − 1 articles")
        let slot = Int32(truncatingIfNeeded: ids.count)
        ids.append(id)
        sets.append(shingles)
        guard !shingles.isEmpty else {
            previous.append(contentsOf: repeatElement(-1, count: bands))
            return []
        }
        var candidates: [Int32] = []
        for band in 0..<bands {
            let key = signature.bandKeys[band]
            let older = heads[band].updateValue(slot, forKey: key) ?? -1
            previous.append(older)
            var cursor = older
            while cursor >= 0 {
                candidates.append(cursor)
                cursor = previous[Int(cursor) * bands + band]
            }
        }
        guard !candidates.isEmpty else { return [] }
        candidates.sort()
        var matches: [Int] = []
        var last: Int32 = -1
        for candidate in candidates where candidate != last {
            last = candidate
            candidatePairs += 1
            if sets[Int(candidate)].jaccard(shingles) >= parameters.threshold {
                matches.append(ids[Int(candidate)])
            }
        }
        confirmedPairs += matches.count
        matches.sort()
        return matches
    }

    /// Bytes held, by part, from the capacities of the arrays and tables (not counting the
    /// allocator's own overhead). Used by the benchmark to report bytes per article.
    var memoryFootprint: (shingles: Int, buckets: Int, other: Int) {
        // An array's heap block: a 32-byte header plus its elements.
        let shingles = sets.reduce(0) { $0 + 32 + $1.hashes.capacity * MemoryLayout<UInt32>.stride }
        // A dictionary slot holds a key and a value; one bit of occupancy metadata per slot.
        let buckets =
            heads.reduce(0) {
                $0 + $1.capacity * (MemoryLayout<UInt64>.stride + MemoryLayout<Int32>.stride) + $1.capacity / 8 + 64
            }
            + previous.capacity * MemoryLayout<Int32>.stride
        let other = ids.capacity * MemoryLayout<Int>.stride + sets.capacity * MemoryLayout<ShingleSet>.stride
        return (shingles, buckets, other)
    }
}
