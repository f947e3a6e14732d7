/// The MinHash sketch of a shingle set, reduced to one key per LSH band: two articles become
/// candidates when they share a key in some band.
///
/// How the `permutations` min-hash values are made: by fast similarity sketching (Dahlgaard,
/// Knudsen and Thorup, "Fast Similarity Sketching", FOCS 2017) rather than by `permutations`
/// separate hash functions over every shingle. In round `t` every shingle is hashed once with
/// the round's seed into one of the `permutations` slots with the value `t` + a 32-bit random
/// fraction, and each slot keeps its minimum; rounds repeat until every slot holds a value
/// (rounds `permutations` … `2·permutations − 1` put every shingle into slot `t − permutations`,
/// so all slots fill). Because a later round's values are larger than any earlier round's,
/// stopping there gives the same sketch as running every round.
///
/// Why: as with classical MinHash, two sets agree in a slot with probability exactly their
/// Jaccard similarity, and the slots are close enough to independent for the LSH S-curve
/// (`NearDuplicateParameters.candidateProbability`; `DedupeNearDuplicateUnitTests` measures
/// both). But each round costs one hash per shingle, and with 192 slots an article of 1,000
/// shingles needs 1.7 rounds on average, one of 200 shingles 6: a few hashes per shingle
/// instead of 192. Signing a seed article (~2,000 shingles) takes about 6 µs; 128 classical
/// multiply-add permutations took ~150 µs per 1,000 shingles on the same machine, about
/// 20 MB/s of Chinese text and a fifth of the pipeline's target on their own.
///
/// Each band key hashes the band's index and its `rows` slot values, so equal keys in
/// different bands mean nothing and one table could hold every band.
public struct MinHashSignature: Sendable, Equatable {
    /// One stable 64-bit key per band, band 0 first.
    public let bandKeys: [UInt64]

    /// The signature of `shingles`; `parameters` must be valid (`problems(at:)` empty), which
    /// configuration checks ensure before any article is read.
    public init(_ shingles: ShingleSet, parameters: NearDuplicateParameters) {
        precondition(parameters.isValid, "invalid near-duplicate parameters: \(parameters)")
        let slots = Self.slots(shingles, count: parameters.permutations)
        let rows = parameters.rows
        var keys = [UInt64](repeating: 0, count: parameters.bands)
        for band in keys.indices {
            var key = NearDuplicateHashing.mix(NearDuplicateHashing.bandSeed &+ UInt64(band))
            for row in (band * rows)..<((band + 1) * rows) {
                key = NearDuplicateHashing.mix(key ^ slots[row])
            }
            keys[band] = key
        }
        bandKeys = keys
    }

    /// A signature that was stored or sent (`bandKeys`).
    public init(bandKeys: [UInt64]) {
        self.bandKeys = bandKeys
    }

    /// The min-hash value of every slot; `UInt64.max` in all of them for an empty set.
    static func slots(_ shingles: ShingleSet, count slotCount: Int) -> [UInt64] {
        var slots = [UInt64](repeating: .max, count: slotCount)
        guard !shingles.isEmpty else { return slots }
        let count = UInt64(slotCount)
        shingles.hashes.withUnsafeBufferPointer { hashes in
            slots.withUnsafeMutableBufferPointer { slots in
                var empty = slotCount
                var round = 0
                while empty > 0 && round < 2 * slotCount {
                    let seed = NearDuplicateHashing.roundSeed(round)
                    let base = UInt64(round) << 32
                    let fixedSlot = round >= slotCount ? round - slotCount : -1
                    for hash in hashes {
                        let mixed = NearDuplicateHashing.mix(UInt64(hash) ^ seed)
                        // The high half picks the slot (multiply-shift, no modulo bias worth
                        // noting for ≤ 2¹⁶ slots), the low half is the value.
                        let slot = fixedSlot >= 0 ? fixedSlot : Int(truncatingIfNeeded: ((mixed >> 32) &* count) >> 32)
                        let value = base | (mixed & 0xFFFF_FFFF)
                        if value < slots[slot] {
                            if slots[slot] == .max { empty -= 1 }
                            slots[slot] = value
                        }
                    }
                    round += 1
                }
            }
        }
        return slots
    }
}
