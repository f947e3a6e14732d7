/// The character shingles of an article as a sorted set of 32-bit hashes: what the exact
/// Jaccard re-check compares and what signatures are computed from.
///
/// A shingle is `shingleSize` consecutive scalars of the normalised text (`ShingleText`).
/// A text shorter than one shingle but not empty gives one shingle of all its scalars, so very
/// short texts still compare; an empty text gives the empty set.
///
/// Why 32 bits: the set is what an index holds per article, and 4 bytes a shingle halve it
/// against 64 bits. Two different shingles of the same pair of articles share a hash with
/// probability about n²/2³² (0.02 % for 1,000 shingles each), which moves a Jaccard value by
/// well under 0.001.
public struct ShingleSet: Sendable, Equatable {
    /// Sorted ascending, no repeats; the array's capacity is its count, so an index holding
    /// many sets holds no slack.
    public let hashes: [UInt32]

    public var count: Int { hashes.count }
    public var isEmpty: Bool { hashes.isEmpty }

    public init(text: String, shingleSize: Int) {
        self.init(normalisedScalars: ShingleText.scalars(of: text), shingleSize: shingleSize)
    }

    /// Shingles of scalars that are already normalised (`ShingleText.scalars(of:)`).
    init(normalisedScalars scalars: [UInt32], shingleSize: Int) {
        let size = max(1, shingleSize)
        let windows = scalars.isEmpty ? 0 : scalars.count < size ? 1 : scalars.count - size + 1
        let width = min(size, scalars.count)
        var raw = [UInt32](repeating: 0, count: windows)
        scalars.withUnsafeBufferPointer { text in
            raw.withUnsafeMutableBufferPointer { out in
                for start in 0..<windows {
                    out[start] = NearDuplicateHashing.shingle(text, start: start, count: width)
                }
            }
        }
        hashes = Self.sortedUnique(&raw)
    }

    /// A set of the given hashes, in any order and with repeats: to rebuild a set that was
    /// stored or sent (`hashes`), or for callers that hash their own shingles.
    public init(hashes: [UInt32]) {
        var raw = hashes
        self.hashes = Self.sortedUnique(&raw)
    }

    /// A set whose hashes are already sorted ascending without repeats, as the store keeps
    /// them: no second sort when dedupe loads a candidate's shingles.
    init(sortedUnique hashes: [UInt32]) {
        self.hashes = hashes
    }

    /// `raw` sorted without repeats, in an array of exactly that capacity; `raw` is used as
    /// scratch on the way.
    private static func sortedUnique(_ raw: inout [UInt32]) -> [UInt32] {
        guard raw.count > 64 else {
            raw.sort()
            return uniqueCopy(of: raw)
        }
        return uniqueCopy(of: radixSorted(&raw))
    }

    /// The distinct values of sorted `values`, in an array of exactly their count.
    private static func uniqueCopy(of values: [UInt32]) -> [UInt32] {
        values.withUnsafeBufferPointer { values in
            var unique = 0
            for index in values.indices where unique == 0 || values[index] != values[index - 1] { unique += 1 }
            return [UInt32](unsafeUninitializedCapacity: unique) { buffer, initialized in
                var written = 0
                for index in values.indices where written == 0 || values[index] != values[index - 1] {
                    buffer[written] = values[index]
                    written += 1
                }
                initialized = written
            }
        }
    }

    /// |A ∩ B| / |A ∪ B| by one merge of the two sorted arrays. Two empty sets give 0: an
    /// article without text is no evidence of a shared story.
    public func jaccard(_ other: ShingleSet) -> Double {
        let union = count + other.count
        guard union > 0 else { return 0 }
        let shared = intersectionCount(other)
        return Double(shared) / Double(union - shared)
    }

    /// Whether `jaccard(other) >= threshold`, always the same answer, but the merge stops as
    /// soon as the answer is known: dedupe's candidates are mostly decided long before either
    /// array ends. `Double(s) / Double(union - s)` never decreases as the shared count `s`
    /// grows, so the answer is "s reaches `needed`", the smallest count that passes, found with
    /// that same expression.
    func jaccard(_ other: ShingleSet, reaches threshold: Double) -> Bool {
        let union = count + other.count
        guard union > 0 else { return 0 >= threshold }
        // s / (union − s) ≥ t ⟺ s ≥ t·union / (1 + t); the estimate is corrected by the test itself.
        let needed = Self.smallestPassing(
            estimate: threshold * Double(union) / (1 + threshold), most: min(count, other.count)
        ) { Double($0) / Double(union - $0) >= threshold }
        return needed.map { shares(atLeast: $0, with: other) } ?? false
    }

    /// Whether the containment of the smaller set in the larger, |A ∩ B| / min(|A|, |B|),
    /// reaches `threshold`: how much of a shortened copy (or of the shorter of two rewrites)
    /// the other one holds. Two empty sets give 0, as for Jaccard.
    func containment(_ other: ShingleSet, reaches threshold: Double) -> Bool {
        let smaller = min(count, other.count)
        guard smaller > 0 else { return 0 >= threshold }
        let needed = Self.smallestPassing(estimate: threshold * Double(smaller), most: smaller) {
            Double($0) / Double(smaller) >= threshold
        }
        return needed.map { shares(atLeast: $0, with: other) } ?? false
    }

    /// The smallest shared count in 0...most for which `passes` holds (it never turns false as
    /// the count grows), starting from `estimate`; nil when even `most` fails.
    private static func smallestPassing(estimate: Double, most: Int, _ passes: (Int) -> Bool) -> Int? {
        var needed = estimate.isFinite ? min(most, max(0, Int(estimate.rounded(.down)))) : estimate > 0 ? most : 0
        while needed > 0, passes(needed - 1) { needed -= 1 }
        while needed <= most, !passes(needed) { needed += 1 }
        return needed <= most ? needed : nil
    }

    /// Whether |A ∩ B| ≥ `needed`, by a merge that accepts once `needed` are shared and rejects
    /// once even sharing everything left could not reach it.
    func shares(atLeast needed: Int, with other: ShingleSet) -> Bool {
        guard needed > 0 else { return true }
        return hashes.withUnsafeBufferPointer { left in
            other.hashes.withUnsafeBufferPointer { right in
                var i = 0
                var j = 0
                var shared = 0
                while true {
                    let remaining = min(left.count - i, right.count - j)
                    if shared >= needed { return true }
                    if shared + remaining < needed { return false }
                    // Each step advances i or j or both by one, so `block` steps stay in bounds.
                    let block = min(remaining, 64)
                    for _ in 0..<block {
                        let a = left[i]
                        let b = right[j]
                        shared &+= a == b ? 1 : 0
                        i &+= a <= b ? 1 : 0
                        j &+= b <= a ? 1 : 0
                    }
                }
            }
        }
    }

    /// |A ∩ B|.
    func intersectionCount(_ other: ShingleSet) -> Int {
        hashes.withUnsafeBufferPointer { left in
            other.hashes.withUnsafeBufferPointer { right in
                var i = 0
                var j = 0
                var shared = 0
                while i < left.count && j < right.count {
                    let a = left[i]
                    let b = right[j]
                    // Branch-light merge: advance the smaller side, both on a match.
                    shared &+= a == b ? 1 : 0
                    i &+= a <= b ? 1 : 0
                    j &+= b <= a ? 1 : 0
                }
                return shared
            }
        }
    }

    /// LSD radix sort, three passes of 11, 11 and 10 bits: linear in the number of shingles,
    /// its counters (24 KB) stay in the L1 cache, and it is several times faster than a
    /// comparison sort for the 500–5,000 hashes of an article. (Four passes of 8 bits cost a
    /// quarter more: one more pass over the values.) Returns the sorted values; `values` is
    /// left in an unspecified order.
    private static func radixSorted(_ values: inout [UInt32]) -> [UInt32] {
        let count = values.count
        var sorted = [UInt32](repeating: 0, count: count)
        var counts = [UInt32](repeating: 0, count: 3 << 11)
        values.withUnsafeMutableBufferPointer { source in
            sorted.withUnsafeMutableBufferPointer { target in
                counts.withUnsafeMutableBufferPointer { counts in
                    for value in source {
                        counts[Int(value & 0x7FF)] &+= 1
                        counts[2048 + Int(value >> 11 & 0x7FF)] &+= 1
                        counts[4096 + Int(value >> 22)] &+= 1
                    }
                    for pass in 0..<3 {
                        var sum: UInt32 = 0
                        for digit in (pass << 11)..<((pass + 1) << 11) {
                            let here = counts[digit]
                            counts[digit] = sum
                            sum &+= here
                        }
                    }
                    // source → target → source → target: the sorted values end in `sorted`.
                    var from = source
                    var to = target
                    for pass in 0..<3 {
                        let shift = UInt32(pass * 11)
                        let base = pass << 11
                        for value in from {
                            let digit = base + Int(value >> shift & 0x7FF)
                            to[Int(counts[digit])] = value
                            counts[digit] &+= 1
                        }
                        swap(&from, &to)
                    }
                }
            }
        }
        return sorted
    }
}
