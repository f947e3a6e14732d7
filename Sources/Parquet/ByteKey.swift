/// A dictionary key of raw bytes: equal when the bytes are, hashed in one call over them.
/// `ArraySlice<UInt8>`'s own `Hashable` feeds the hasher byte by byte, which made looking up
/// a dictionary entry cost more than encoding it.
struct ByteKey: Hashable {
    let bytes: ArraySlice<UInt8>

    static func == (left: ByteKey, right: ByteKey) -> Bool {
        left.bytes.elementsEqual(right.bytes)
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
