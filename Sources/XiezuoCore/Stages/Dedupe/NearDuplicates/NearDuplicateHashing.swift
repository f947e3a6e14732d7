/// The fixed hash functions of near-duplicate detection. Every value here is a pure function of
/// its input and a constant seed, so shingle hashes, signatures and band keys are the same on
/// every run, process and machine (`Hasher` is seeded per process and would change them). A
/// change in this file changes every band key: `DedupeNearDuplicateUnitTests` pins a few of them so
/// that such a change is noticed, and a history index built with the old keys must be rebuilt.
enum NearDuplicateHashing {
    /// SplitMix64's increment (the golden ratio in 64 bits).
    static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
    /// Seeds of the three families below, fixed once; any other constants would do as well.
    static let shingleSeed: UInt64 = 0x7869_657A_756F_0001  // "xiezuo" 1
    static let roundSeedBase: UInt64 = 0x7869_657A_756F_0002
    static let bandSeed: UInt64 = 0x7869_657A_756F_0003

    /// SplitMix64's output function (Stafford's variant 13): a bijection on 64 bits whose
    /// every output bit depends on every input bit.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The seed of sketch round `round`: the `round`-th output of a SplitMix64 generator
    /// started at `roundSeedBase`, computed in closed form so that no table is kept.
    @inline(__always)
    static func roundSeed(_ round: Int) -> UInt64 {
        mix(roundSeedBase &+ UInt64(truncatingIfNeeded: round + 1) &* gamma)
    }

    /// The 32-bit hash of one shingle, `scalars[start ..< start + count]`.
    @inline(__always)
    static func shingle(_ scalars: UnsafeBufferPointer<UInt32>, start: Int, count: Int) -> UInt32 {
        var hash = shingleSeed
        for offset in 0..<count {
            hash = (hash ^ UInt64(scalars[start &+ offset])) &* 0xBF58_476D_1CE4_E5B9
        }
        return UInt32(truncatingIfNeeded: mix(hash) >> 32)
    }
}
