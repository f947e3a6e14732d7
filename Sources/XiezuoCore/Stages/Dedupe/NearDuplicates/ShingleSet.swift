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
        let raw = scalars.withUnsafeBufferPointer { text in
            [UInt32](unsafeUninitializedCapacity: windows) { out, initialized in
                // The default size in a loop of its own, which the compiler unrolls: a window of
                // five costs about half the instructions it costs with the size in a variable.
                if width == 5 {
                    Self.hashWindows(of: text, width: 5, into: out)
                } else {
                    Self.hashWindows(of: text, width: width, into: out)
                }
                initialized = windows
            }
        }
        hashes = Self.sortedUnique(raw)
    }

    /// The hash of each window of `width` scalars of `text`, one per slot of `out`.
    @inline(__always)
    private static func hashWindows(of text: UnsafeBufferPointer<UInt32>, width: Int, into out: UnsafeMutableBufferPointer<UInt32>) {
        for start in out.indices {
            out[start] = NearDuplicateHashing.shingle(text, start: start, count: width)
        }
    }

    /// A set of the given hashes, in any order and with repeats: to rebuild a set that was
    /// stored or sent (`hashes`), or for callers that hash their own shingles.
    public init(hashes: [UInt32]) {
        self.hashes = Self.sortedUnique(hashes)
    }

    /// A set whose hashes are already sorted ascending without repeats, as the store keeps
    /// them: no second sort when dedupe loads a candidate's shingles.
    init(sortedUnique hashes: [UInt32]) {
        self.hashes = hashes
    }

    /// `values` sorted without repeats, in an array of exactly that capacity.
    ///
    /// Shingle hashes are spread evenly over their range, so a bucket sort does it in about one
    /// pass: the values are counted into at most as many buckets as there are values (by their
    /// top bits below the largest value's), placed bucket by bucket, and an insertion sort,
    /// which drops repeats as it goes, has about one value a bucket left to put in order. For
    /// the 500–5,000 hashes of an article that is about a third fewer instructions than three
    /// radix passes and a separate pass for repeats. Values crowded into a few buckets cost
    /// more but sort all the same.
    private static func sortedUnique(_ values: [UInt32]) -> [UInt32] {
        let count = values.count
        guard count > 1 else { return values }
        // 2^bits ≤ count buckets, at most 2^16 (256 KB of counters), each holding an equal
        // share of 0...largest. (The largest value: a few instructions a value, and values that
        // are not spread over 32 bits, such as a test's, still spread over the buckets.)
        let bits = min(16, Int.bitWidth - 1 - count.leadingZeroBitCount)
        let largest = values.max() ?? 0
        let shift = UInt32(max(0, UInt32.bitWidth - largest.leadingZeroBitCount - bits))
        var starts = [Int32](repeating: 0, count: (1 << bits) + 1)
        var unique = 1
        // Every slot is written by the placing pass before it is read.
        let placed = [UInt32](unsafeUninitializedCapacity: count) { placed, initialized in
            values.withUnsafeBufferPointer { values in
                starts.withUnsafeMutableBufferPointer { starts in
                    for value in values { starts[Int(value >> shift) &+ 1] &+= 1 }
                    for bucket in 1..<starts.count { starts[bucket] &+= starts[bucket &- 1] }
                    for value in values {
                        let bucket = Int(value >> shift)
                        placed[Int(starts[bucket])] = value
                        starts[bucket] &+= 1
                    }
                }
            }
            // Insertion into the sorted, distinct prefix placed[0..<unique]: a value only moves
            // past larger values of its own bucket.
            for index in 1..<count {
                let value = placed[index]
                var position = unique
                while position > 0, placed[position &- 1] > value { position &-= 1 }
                if position > 0, placed[position &- 1] == value { continue }
                var move = unique
                while move > position {
                    placed[move] = placed[move &- 1]
                    move &-= 1
                }
                placed[position] = value
                unique &+= 1
            }
            initialized = count
        }
        return [UInt32](unsafeUninitializedCapacity: unique) { buffer, initialized in
            placed.withUnsafeBufferPointer { placed in
                _ = buffer.initialize(fromContentsOf: UnsafeBufferPointer(rebasing: placed[0..<unique]))
            }
            initialized = unique
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
}
