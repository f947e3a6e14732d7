/// Many short strings (place names, surface forms) as one UTF-8 buffer and each one's end:
/// no object per string, so a table of 60,000 loads from a compiled image as three copies. A
/// `String` is made only when one is asked for (a mention's name, a table cell); names of up
/// to 15 bytes (five CJK characters) are made without allocating.
struct StringTable: Sendable, Equatable {
    /// The strings' UTF-8 bytes, end to end.
    let pool: [UInt8]
    /// Where each string ends in `pool`; it starts where the one before ends.
    let ends: [UInt32]
    /// 1 where the string is present, 0 for nil.
    let present: [UInt8]

    init(_ strings: [String?]) {
        var pool: [UInt8] = []
        var ends: [UInt32] = []
        var present: [UInt8] = []
        ends.reserveCapacity(strings.count)
        present.reserveCapacity(strings.count)
        for string in strings {
            pool.append(contentsOf: string?.utf8 ?? "".utf8)
            ends.append(UInt32(pool.count))
            present.append(string == nil ? 0 : 1)
        }
        self.init(pool: pool, ends: ends, present: present)
    }

    /// A table read from a compiled image; `isValid` says whether it holds together.
    init(pool: [UInt8], ends: [UInt32], present: [UInt8]) {
        self.pool = pool
        self.ends = ends
        self.present = present
    }

    var count: Int { ends.count }

    /// Whether the ends never decrease and stay within the pool, and every string has a flag.
    var isValid: Bool {
        guard present.count == ends.count else { return false }
        var previous: UInt32 = 0
        for end in ends {
            guard end >= previous else { return false }
            previous = end
        }
        return Int(previous) <= pool.count
    }

    /// String `index`, or nil where none was given.
    subscript(index: Int) -> String? {
        present[index] == 0 ? nil : string(at: index)
    }

    /// The first scalar of string `index`, without making the string (nil for an empty one).
    func firstScalar(at index: Int) -> Unicode.Scalar? {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return pool.withUnsafeBufferPointer { buffer -> Unicode.Scalar? in
            var bytes = buffer[start..<Int(ends[index])].makeIterator()
            var decoder = UTF8()
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar): return scalar
            case .emptyInput: return nil
            case .error: return "\u{FFFD}"
            }
        }
    }

    /// String `index` ("" where none was given).
    func string(at index: Int) -> String {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return pool.withUnsafeBufferPointer { String(decoding: $0[start..<Int(ends[index])], as: UTF8.self) }
    }
}
