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
        hex(adding(text, to: offsetBasis))
    }

    public static func hex(_ value: UInt64) -> String {
        hex(value, prefix: "")
    }

    /// `prefix` followed by the 16 lowercase hex digits of `value`, built in one buffer: the
    /// tables' ids are made for every row written (`TableID`), and `String(_:radix:)` with
    /// padding and concatenation cost five times as much.
    static func hex(_ value: UInt64, prefix: StaticString) -> String {
        let prefixCount = prefix.utf8CodeUnitCount
        return String(unsafeUninitializedCapacity: prefixCount + 16) { buffer in
            for index in 0..<prefixCount { buffer[index] = prefix.utf8Start[index] }
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0xF
                buffer[prefixCount + index] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
            }
            return prefixCount + 16
        }
    }

    /// Folds the UTF-8 of `text` into `hash`. Through the contiguous UTF-8 buffer rather than
    /// by iterating `text.utf8`: the same bytes, about ten times fewer instructions (every
    /// article's text is hashed for its doc_id).
    static func adding(_ text: String, to hash: UInt64) -> UInt64 {
        if let folded = text.utf8.withContiguousStorageIfAvailable({ adding(UnsafeRawBufferPointer($0), to: hash) }) {
            return folded
        }
        var copy = text
        return copy.withUTF8 { adding(UnsafeRawBufferPointer($0), to: hash) }
    }

    /// Folds the decimal digits of `number` (as `"\(number)"` writes them) into `hash`.
    static func adding(decimal number: Int, to hash: UInt64) -> UInt64 {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits and a sign
        return withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            var magnitude = number.magnitude
            repeat {
                start -= 1
                buffer[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if number < 0 {
                start -= 1
                buffer[start] = 0x2D
            }
            return adding(UnsafeRawBufferPointer(rebasing: buffer[start...]), to: hash)
        }
    }

    private static func adding(_ bytes: UnsafeRawBufferPointer, to hash: UInt64) -> UInt64 {
        var result = hash
        for byte in bytes { result = (result ^ UInt64(byte)) &* prime }
        return result
    }
}
