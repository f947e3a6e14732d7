/// Small search helpers over scalar arrays. Clean works on `[Unicode.Scalar]` rather than
/// `String` so that positions are the offsets extract reports and no grapheme breaking runs in
/// the hot loops.
enum ScalarText {
    static func scalars(_ text: String) -> [Unicode.Scalar] {
        Array(text.unicodeScalars)
    }

    /// Encodes to UTF-8 by hand, then copies the bytes into a string: appending scalars to a
    /// `String` one by one is several times slower, and this runs once per article. Scalars
    /// encode to well-formed UTF-8 by construction, so the copy is made without the standard
    /// library's validation (`UTF8Span(unchecked:)`), which cost more than the encoding.
    static func string<Scalars: Collection<Unicode.Scalar>>(_ scalars: Scalars) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scalars.count * 4) { bytes in
            let count = encodeUTF8(scalars, into: bytes)
            // One byte per scalar only when every scalar is ASCII.
            let utf8 = UTF8Span(
                unchecked: Span(_unsafeElements: UnsafeBufferPointer(rebasing: bytes[..<count])),
                isKnownASCII: count == scalars.count)
            return String(copying: utf8)
        }
    }

    /// The UTF-8 bytes of `scalars`, encoded the same way into a byte array.
    static func utf8<Scalars: Collection<Unicode.Scalar>>(_ scalars: Scalars) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: scalars.count * 4) { bytes, written in
            written = encodeUTF8(scalars, into: bytes)
        }
    }

    /// Writes the UTF-8 of `scalars` to `bytes`, which holds at least 4 bytes per scalar, and
    /// returns how many bytes it wrote.
    private static func encodeUTF8<Scalars: Collection<Unicode.Scalar>>(
        _ scalars: Scalars, into bytes: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        // `truncatingIfNeeded`: each value is masked or shifted into a byte already, so the
        // checked conversion's overflow test would only cost time in this per-scalar loop.
        var end = 0
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80 {
                bytes[end] = UInt8(truncatingIfNeeded: value)
                end += 1
            } else if value >= 0x800, value < 0x10000 {
                // The common case (Han, CJK punctuation) first, its three bytes in one 32-bit
                // store: `bytes` holds four bytes a scalar, so the fourth is in bounds, and the
                // next scalar overwrites it (or it lies past the count returned).
                let word = (0xE0 | value >> 12) | (0x80 | value >> 6 & 0x3F) << 8 | (0x80 | value & 0x3F) << 16
                UnsafeMutableRawPointer(bytes.baseAddress! + end).storeBytes(of: word.littleEndian, as: UInt32.self)
                end += 3
            } else if value < 0x800 {
                bytes[end] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
                bytes[end + 1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                end += 2
            } else {
                bytes[end] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
                bytes[end + 1] = UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F)
                bytes[end + 2] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
                bytes[end + 3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                end += 4
            }
        }
        return end
    }

    /// The search helpers take any run of scalars indexed by offset: an array's slice, or a
    /// slice of clean's view of a line (`ScalarLine`).
    static func hasPrefix<Text: RandomAccessCollection<Unicode.Scalar>>(
        _ text: Text, _ prefix: [Unicode.Scalar]
    ) -> Bool where Text.Index == Int {
        guard !prefix.isEmpty, prefix.count <= text.count else { return false }
        var index = text.startIndex
        for scalar in prefix {
            guard text[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    static func hasPrefix(_ text: [Unicode.Scalar], _ prefix: [Unicode.Scalar]) -> Bool {
        hasPrefix(text[...], prefix)
    }

    static func hasSuffix<Text: RandomAccessCollection<Unicode.Scalar>>(
        _ text: Text, _ suffix: [Unicode.Scalar]
    ) -> Bool where Text.Index == Int {
        guard !suffix.isEmpty, suffix.count <= text.count else { return false }
        return hasPrefix(text[(text.endIndex - suffix.count)...], suffix)
    }

    /// First position of `pattern` in `text` at or after `start`; a plain scan, as lines
    /// are short and patterns a few scalars long.
    static func firstIndex<Text: RandomAccessCollection<Unicode.Scalar>>(
        of pattern: [Unicode.Scalar], in text: Text, from start: Int? = nil
    ) -> Int? where Text.Index == Int {
        guard let first = pattern.first, pattern.count <= text.count else { return nil }
        var index = start ?? text.startIndex
        let last = text.endIndex - pattern.count
        while index <= last {
            if text[index] == first, hasPrefix(text[index...], pattern) { return index }
            index += 1
        }
        return nil
    }

    static func contains(_ text: [Unicode.Scalar], _ pattern: [Unicode.Scalar]) -> Bool {
        firstIndex(of: pattern, in: text[...]) != nil
    }

    static func contains(_ text: [Unicode.Scalar], scalar: Unicode.Scalar) -> Bool {
        text.contains(scalar)
    }

    /// Han ideographs (BMP, compatibility and the supplementary planes).
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    /// Letters and digits of any script: what a section tag is made of.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        isHan(scalar) || isASCIILetter(scalar) || isASCIIDigit(scalar)
    }
}
