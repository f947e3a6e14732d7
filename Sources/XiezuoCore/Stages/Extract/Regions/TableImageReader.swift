/// Reads the sections of a compiled table image (see `TableImageWriter`) from mapped bytes,
/// after checking its tag, format version, source hash, length and checksum. Every read is
/// bounds-checked: a damaged image gives a `TableImageError`, never a crash.
struct TableImageReader {
    private let body: UnsafeRawBufferPointer
    private var offset = 0

    /// Checks the header against what the caller expects; `sourceHash` is the hash of the sources
    /// as they are now, so an image compiled from other sources is refused.
    init(
        _ bytes: UnsafeRawBufferPointer, magic: [UInt8], version: UInt32, sourceHash: UInt64
    ) throws(TableImageError) {
        let headerSize = TableImageWriter.headerSize
        guard bytes.count >= headerSize, bytes.prefix(8).elementsEqual(magic) else { throw .notAnImage }
        let found = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        guard found == version else { throw .otherVersion(found: found, expected: version) }
        let hash = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        guard hash == sourceHash else { throw .otherSources }
        let length = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        guard length == UInt64(bytes.count - headerSize), length % 8 == 0 else { throw .damaged("its length is wrong") }
        body = UnsafeRawBufferPointer(rebasing: bytes[headerSize...])
        let checksum = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 32, as: UInt64.self))
        guard checksum == TableImageWriter.checksum(body) else { throw .damaged("its checksum does not match") }
    }

    /// The next section, as integers of type `Element`.
    mutating func array<Element: FixedWidthInteger>(of type: Element.Type = Element.self) throws(TableImageError) -> [Element] {
        guard offset + 8 <= body.count else { throw .damaged("a section is missing") }
        let count = UInt64(littleEndian: body.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        let size = MemoryLayout<Element>.size
        guard count <= UInt64((body.count - offset - 8) / size) else { throw .damaged("a section runs past the end") }
        let start = offset + 8
        let length = Int(count) * size
        let values = [Element](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            if length > 0, let destination = buffer.baseAddress, let source = body.baseAddress {
                UnsafeMutableRawPointer(destination).copyMemory(from: source + start, byteCount: length)
            }
            initialized = Int(count)
        }
        offset = (start + length + 7) & ~7
        #if _endian(big)
            return values.map { Element(littleEndian: $0) }
        #else
            return values
        #endif
    }

    /// The next string table (see `TableImageWriter.append(_:)`); check `isValid` before use.
    mutating func strings() throws(TableImageError) -> StringTable {
        StringTable(pool: try array(), ends: try array(), present: try array())
    }

    /// Whether every section has been read.
    var isAtEnd: Bool { offset == body.count }
}
