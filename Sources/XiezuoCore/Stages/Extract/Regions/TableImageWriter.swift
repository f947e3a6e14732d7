/// Writes a compiled table image: a header (magic, format version, the hash of the sources it
/// was compiled from, the body's length and checksum), then a body of sections. A section is
/// an element count (64-bit) and the elements, little-endian, padded to 8 bytes, so that every
/// section starts 8-byte aligned in a mapped file and the body is a whole number of 64-bit
/// words. `TableImageReader` reads the sections back in the order they were written.
struct TableImageWriter {
    /// The 8-byte tag that opens every image of this kind.
    let magic: [UInt8]
    let version: UInt32
    let sourceHash: UInt64
    private var body: [UInt8] = []

    init(magic: [UInt8], version: UInt32, sourceHash: UInt64) {
        precondition(magic.count == 8, "an image tag is 8 bytes")
        self.magic = magic
        self.version = version
        self.sourceHash = sourceHash
    }

    /// Appends one section of fixed-width integers.
    mutating func append<Element: FixedWidthInteger>(_ values: [Element]) {
        appendWord(UInt64(values.count))
        for value in values {
            withUnsafeBytes(of: value.littleEndian) { body.append(contentsOf: $0) }
        }
        while body.count % 8 != 0 { body.append(0) }
    }

    /// Appends a string table as three sections: its pool, its ends and its presence flags.
    mutating func append(_ strings: StringTable) {
        append(strings.pool)
        append(strings.ends)
        append(strings.present)
    }

    private mutating func appendWord(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { body.append(contentsOf: $0) }
    }

    /// The whole image: header, then body.
    var bytes: [UInt8] {
        var header = magic
        withUnsafeBytes(of: version.littleEndian) { header.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(0).littleEndian) { header.append(contentsOf: $0) }
        for word in [sourceHash, UInt64(body.count), Self.checksum(body)] {
            withUnsafeBytes(of: word.littleEndian) { header.append(contentsOf: $0) }
        }
        return header + body
    }

    /// FNV-1a over the body's 64-bit little-endian words: one multiply per 8 bytes, so checking
    /// a mapped image costs about a millisecond.
    static func checksum(_ body: [UInt8]) -> UInt64 {
        body.withUnsafeBytes { checksum($0) }
    }

    static func checksum(_ body: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var offset = 0
        while offset + 8 <= body.count {
            let word = UInt64(littleEndian: body.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            hash = (hash ^ word) &* 0x0000_0100_0000_01b3
            offset += 8
        }
        return hash
    }

    /// Bytes in the header, before the body.
    static let headerSize = 40
}
