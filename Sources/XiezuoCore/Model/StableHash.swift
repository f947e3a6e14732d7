/// A 64-bit FNV-1a hash, stable across runs, processes and machines (unlike `Hasher`,
/// which is seeded per process). Used for `doc_id` and `fact_id`.
public enum StableHash {
    public static func value<Bytes: Sequence<UInt8>>(of bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
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
