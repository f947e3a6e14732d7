/// Byte-level helpers for the sniffers that look at a page before it is decoded. Everything
/// they look for is ASCII, which GB18030, Big5 and UTF-8 all keep as single bytes.
enum ASCIIBytes {
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// `bytes[at..<end]` starts with `prefix` (lowercase ASCII), ignoring case.
    static func hasPrefix(_ bytes: [UInt8], at index: Int, end: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= end else { return false }
        return prefix.withUTF8Buffer { expected in
            for offset in 0..<count where lowercased(bytes[index + offset]) != expected[offset] { return false }
            return true
        }
    }

    /// The index just after the first `terminator` at or after `index`, or `end`.
    static func skip(past terminator: StaticString, in bytes: [UInt8], from index: Int, end: Int) -> Int {
        var position = index
        while position < end {
            if hasPrefix(bytes, at: position, end: end, terminator) { return position + terminator.utf8CodeUnitCount }
            position += 1
        }
        return end
    }
}
