/// Reads what `RecordEncoder` wrote. A short or corrupt record is a bug or a disk fault, so
/// every read reports it instead of trapping.
struct RecordDecoder {
    struct Corrupt: Error {}

    private let bytes: [UInt8]
    private(set) var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position >= bytes.count }
    var remaining: Int { bytes.count - position }

    /// Whether the next field is written as "the same as the previous fact's"
    /// (`RecordEncoder.same()`), which it then skips.
    mutating func skipSame() -> Bool {
        // -2 zigzag-encoded is the single byte 3; no length or count is negative.
        guard position < bytes.count, bytes[position] == 3 else { return false }
        position += 1
        return true
    }

    /// An optional string, or `previous` itself (sharing its storage) where the encoder wrote
    /// that they are the same.
    mutating func optionalString(after previous: String?) throws(Corrupt) -> String? {
        if skipSame() {
            guard let previous else { throw Corrupt() }
            return previous
        }
        return try optionalString()
    }

    /// A value named by its raw string (a category, a qualifier), or `previous` where the
    /// encoder wrote that it is the same; a name the type does not know is corrupt.
    mutating func rawValue<Value: RawRepresentable<String>>(after previous: Value?) throws(Corrupt) -> Value {
        if skipSame() {
            guard let previous else { throw Corrupt() }
            return previous
        }
        guard let value = Value(rawValue: try string()) else { throw Corrupt() }
        return value
    }

    mutating func integer() throws(Corrupt) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Corrupt() }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        let value = Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1)))
        return Int(value)
    }

    mutating func string() throws(Corrupt) -> String {
        let count = try integer()
        guard count >= 0, position + count <= bytes.count else { throw Corrupt() }
        defer { position += count }
        return String(decoding: bytes[position..<(position + count)], as: UTF8.self)
    }

    /// A string, or `candidate` itself (sharing its storage) when the bytes are the same.
    mutating func string(reusing candidate: String?) throws(Corrupt) -> String {
        let count = try integer()
        guard count >= 0, position + count <= bytes.count else { throw Corrupt() }
        defer { position += count }
        if let candidate, candidate.utf8.elementsEqual(bytes[position..<(position + count)]) { return candidate }
        return String(decoding: bytes[position..<(position + count)], as: UTF8.self)
    }

    mutating func optionalString() throws(Corrupt) -> String? {
        let count = try integer()
        if count == -1 { return nil }
        guard count >= 0, position + count <= bytes.count else { throw Corrupt() }
        defer { position += count }
        return String(decoding: bytes[position..<(position + count)], as: UTF8.self)
    }

    mutating func bool() throws(Corrupt) -> Bool {
        guard position < bytes.count else { throw Corrupt() }
        defer { position += 1 }
        return bytes[position] != 0
    }

    mutating func optionalInteger() throws(Corrupt) -> Int? {
        try bool() ? try integer() : nil
    }

    mutating func decimal() throws(Corrupt) -> ExactDecimal {
        let significand = try integer()
        let scale = try integer()
        guard let value = ExactDecimal(significand: Int64(significand), scale: scale) else { throw Corrupt() }
        return value
    }

    mutating func optionalDecimal() throws(Corrupt) -> ExactDecimal? {
        try bool() ? try decimal() : nil
    }
}
