/// A 64-bit FNV-1a hash, stable across runs, processes and machines (unlike `Hasher`,
/// which is seeded per process). Used for `doc_id` and `fact_id`.
public enum StableHash {
    public static func value<Bytes: Sequence<UInt8>>(of bytes: Bytes) -> UInt64 {
        // Arrays and UTF-8 views hash through a buffer pointer: no bounds checks, no iterator.
        if let hash = bytes.withContiguousStorageIfAvailable({ value(of: UnsafeRawBufferPointer($0)) }) { return hash }
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    public static func value(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// The hash of no bytes; `adding` folds in one byte at a time, for hashing bytes as they
    /// are produced instead of collecting them first.
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    static func adding(_ byte: UInt8, to hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    /// Folds the eight bytes of `value`, least significant first, into `hash`.
    static func adding(value: UInt64, to hash: UInt64) -> UInt64 {
        var result = hash
        for shift in stride(from: 0, to: 64, by: 8) { result = adding(UInt8(truncatingIfNeeded: value >> UInt64(shift)), to: result) }
        return result
    }

    /// 16 lowercase hex digits.
    public static func hex(of text: String) -> String {
        // Hashing the contiguous UTF-8 buffer instead of iterating `text.utf8`: the same bytes,
        // about ten times fewer instructions (every article's text is hashed for its doc_id).
        var text = text
        return hex(text.withUTF8 { value(of: $0) })
    }

    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
