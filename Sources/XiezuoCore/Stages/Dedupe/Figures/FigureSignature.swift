/// The figures an article reports, as dedupe compares them: one entry per extracted fact, made
/// of the fact's *slot* (what the figure is: its category and the words just before it in its
/// sentence), its *value* (table and amount) and, when its sentence writes it, its year.
///
/// Two articles whose wording is alike but whose figures differ are different stories
/// (templated bulletins: `第1234号协作县…投入帮扶资金2234万元` and `第1235号…2235万元`), so
/// dedupe never marks one a duplicate of the other. The rule, `conflicts(with:)`: figures
/// *conflict* when some slot holds figures in both articles and neither side's figures there
/// are all among the other side's. A copy that adds a paragraph (extra slots, or an extra
/// figure in a slot) or drops sentences (missing ones) does not conflict; the same slot with
/// another value does.
///
/// Each entry packs the slot's 24-bit hash, the value's 32-bit hash and the stated year
/// (years since 1900, 0 for none) into one `UInt64`; entries are sorted, so the entries of a
/// slot are adjacent and two signatures are compared by one merge. A year takes part only when
/// the fact's sentence writes it (`2023年，…投入3000万元`): a year worked out from the
/// publication date (今年) differs between copies published on other days, a written one does
/// not.
public struct FigureSignature: Sendable, Equatable {
    /// Sorted ascending, no repeats.
    public let entries: [UInt64]

    /// At most this many facts of an article take part (the first by offset), so that a
    /// statistics page with thousands of figures costs dedupe a bounded 2 KB.
    public static let maxEntries = 256
    /// Characters of context before a figure that name its slot (fewer at a sentence start).
    static let contextScalars = 8

    /// The signature of `facts`, found in `text` (the article they were extracted from).
    public init(facts: [Fact], text: String) {
        guard !facts.isEmpty else {
            self.init(entries: [])
            return
        }
        // Decoded into uninitialised storage: `Array(text.unicodeScalars)` appends one scalar at a time.
        self.init(facts: facts, scalars: ScalarDecoding.scalars(of: text))
    }

    /// The signature of `facts`, found in the text whose scalars are `scalars`: the article's
    /// fingerprint decodes its text once for its shingles and its figures.
    init(facts: [Fact], scalars: [Unicode.Scalar]) {
        var packed: [UInt64] = []
        packed.reserveCapacity(min(facts.count, Self.maxEntries))
        for fact in facts.sorted(by: { $0.offset < $1.offset }).prefix(Self.maxEntries) {
            let slot = Self.slotHash(category: fact.category, context: Self.context(before: fact.offset, in: scalars))
            packed.append(Self.pack(slot: slot, value: Self.valueKey(fact), year: Self.statedYear(fact)))
        }
        packed.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(packed.count)
        for entry in packed where unique.last != entry { unique.append(entry) }
        entries = unique
    }

    /// Entries as stored (`entries`), already sorted and unique.
    public init(entries: [UInt64]) {
        self.entries = entries
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Whether some slot holds figures in both that neither side covers (see the type's doc).
    public func conflicts(with other: FigureSignature) -> Bool {
        Self.conflict(entries[...], other.entries[...])
    }

    /// Distinct values (table and amount, whatever their slots) found in both.
    public func sharedValues(with other: FigureSignature) -> Int {
        Self.sharedValues(Self.values(entries[...]), Self.values(other.entries[...]))
    }

    /// The distinct value keys, ascending: what finds articles that report the same figures.
    public var valueKeys: [UInt32] { Self.values(entries[...]) }

    /// A hash of every entry: equal for articles with the same figures.
    public var hash: UInt32 {
        var hash = StableHash.offsetBasis
        for entry in entries {
            withUnsafeBytes(of: entry.littleEndian) { bytes in
                for byte in bytes { hash = StableHash.adding(byte, to: hash) }
            }
        }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    // MARK: - Entries

    static func pack(slot: UInt32, value: UInt32, year: UInt8) -> UInt64 {
        UInt64(slot & 0xFF_FFFF) << 40 | UInt64(value) << 8 | UInt64(year)
    }

    static func slot(_ entry: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: entry >> 40) }
    static func value(_ entry: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: entry >> 8) }
    static func year(_ entry: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: entry) }

    /// Table and amount: 5.57亿元 and 55700万元 are one value; 66个 projects and 66人 are not.
    static func valueKey(_ fact: Fact) -> UInt32 {
        // The hash of "\(table):\(significand)e-\(scale)", folded piece by piece.
        var hash = StableHash.adding(fact.table.rawValue, to: StableHash.offsetBasis)
        hash = StableHash.adding(0x3A, to: hash)
        hash = StableHash.adding(decimal: Int(fact.value.significand), to: hash)
        hash = StableHash.adding(0x65, to: hash)
        hash = StableHash.adding(0x2D, to: hash)
        hash = StableHash.adding(decimal: fact.value.scale, to: hash)
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    /// The fact's year when its sentence writes it in digits, as years since 1900 (1…255);
    /// 0 otherwise.
    static func statedYear(_ fact: Fact) -> UInt8 {
        guard let year = fact.year, (1901...2155).contains(year), writes(year, in: fact.evidence) else { return 0 }
        return UInt8(year - 1900)
    }

    /// Whether `sentence` holds the four digits of `year` (1901…2155), as
    /// `sentence.contains(String(year))` answers it: Foundation's search, which does not match
    /// digits that a combining mark follows, and costs ~13,000 instructions a fact. The digits
    /// are looked for in the UTF-8 (ASCII bytes stand only for themselves); found between plain
    /// neighbours (ASCII, CJK punctuation, ideographs, full-width forms: a news sentence) the
    /// answer is yes, found anywhere else Foundation decides.
    static func writes(_ year: Int, in sentence: String) -> Bool {
        let digits = [year / 1000, year / 100 % 10, year / 10 % 10, year % 10].map { UInt8(0x30 + $0) }
        var sentence = sentence
        let found: Bool? = sentence.withUTF8 { bytes in
            guard bytes.count >= 4 else { return false }
            var undecided = false
            for start in 0...(bytes.count - 4)
            where bytes[start] == digits[0] && bytes[start + 1] == digits[1] && bytes[start + 2] == digits[2]
                && bytes[start + 3] == digits[3]
            {
                if isPlain(scalarEndingAt: start, in: bytes), isPlain(scalarStartingAt: start + 4, in: bytes) { return true }
                undecided = true
            }
            return undecided ? nil : false
        }
        return found ?? sentence.contains(String(year))
    }

    /// Whether the scalar that ends just before `end` is one no search treats as joined to
    /// what follows it (true at the start).
    private static func isPlain(scalarEndingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if end == 0 || bytes[end - 1] < 0x80 { return true }
        return end >= 3 && isPlain(threeByteScalarAt: end - 3, in: bytes)
    }

    /// Whether the scalar at `start` is one that never joins the scalar before it (true at
    /// the end).
    private static func isPlain(scalarStartingAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if start == bytes.count || bytes[start] < 0x80 { return true }
        return start + 3 <= bytes.count && isPlain(threeByteScalarAt: start, in: bytes)
    }

    /// CJK punctuation before the ideographic tone marks (U+3000–3029), the unified ideographs
    /// and the full-width ASCII forms: none is a combining mark.
    private static func isPlain(threeByteScalarAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lead = bytes[start]
        guard lead & 0xF0 == 0xE0, bytes[start + 1] & 0xC0 == 0x80, bytes[start + 2] & 0xC0 == 0x80 else { return false }
        let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[start + 1] & 0x3F) << 6 | UInt32(bytes[start + 2] & 0x3F)
        return (0x3000...0x3029).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xFF01...0xFF5E).contains(value)
    }

    /// Up to `contextScalars` characters before `offset`, nearest first, as shingles see
    /// them (`ShingleText`: no spaces or punctuation, full-width folded) and without digits,
    /// so that `第1234号…投入` and `第1235号…投入` name one slot. Stops at the sentence's start.
    static func context(before offset: Int, in scalars: [Unicode.Scalar]) -> [UInt32] {
        var context: [UInt32] = []
        var index = min(offset, scalars.count) - 1
        while index >= 0, context.count < contextScalars {
            let scalar = scalars[index]
            if isSentenceEnd(scalar.value) { break }
            let value = ShingleText.normalised(scalar.value)
            if value != 0, !(0x30...0x39).contains(value) { context.append(value) }
            index -= 1
        }
        return context
    }

    /// 。！？；!?; and line breaks: a slot's context never reaches into another sentence, whose
    /// order copies may change.
    @inline(__always)
    private static func isSentenceEnd(_ value: UInt32) -> Bool {
        switch value {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F, 0x3B, 0x0A, 0x0D: return true
        default: return false
        }
    }

    static func slotHash(category: FactCategory, context: [UInt32]) -> UInt32 {
        var hash = StableHash.value(of: category.rawValue.utf8)
        for value in context {
            withUnsafeBytes(of: value.littleEndian) { bytes in
                for byte in bytes { hash = StableHash.adding(byte, to: hash) }
            }
        }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32)) & 0xFF_FFFF
    }

    // MARK: - Comparison over stored entries

    /// Distinct values of sorted entries, ascending.
    static func values(_ entries: ArraySlice<UInt64>) -> [UInt32] {
        var values = entries.map(value)
        values.sort()
        var unique: [UInt32] = []
        unique.reserveCapacity(values.count)
        for value in values where unique.last != value { unique.append(value) }
        return unique
    }

    /// Elements in both of two ascending arrays without repeats.
    static func sharedValues(_ left: [UInt32], _ right: [UInt32]) -> Int {
        var i = 0
        var j = 0
        var shared = 0
        while i < left.count, j < right.count {
            if left[i] == right[j] {
                shared += 1
                i += 1
                j += 1
            } else if left[i] < right[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }

    /// The conflict rule over two sorted entry lists: walk the slots of both in order; a slot
    /// in both conflicts when each side has a figure there that the other reports nowhere.
    static func conflict(_ left: ArraySlice<UInt64>, _ right: ArraySlice<UInt64>) -> Bool {
        var i = left.startIndex
        var j = right.startIndex
        while i < left.endIndex, j < right.endIndex {
            let (a, b) = (slot(left[i]), slot(right[j]))
            if a < b {
                i = slotEnd(left, from: i)
            } else if b < a {
                j = slotEnd(right, from: j)
            } else {
                let (leftEnd, rightEnd) = (slotEnd(left, from: i), slotEnd(right, from: j))
                if left[i..<leftEnd].contains(where: { !reports(right, $0) })
                    && right[j..<rightEnd].contains(where: { !reports(left, $0) })
                {
                    return true
                }
                i = leftEnd
                j = rightEnd
            }
        }
        return false
    }

    private static func slotEnd(_ entries: ArraySlice<UInt64>, from start: Int) -> Int {
        let first = slot(entries[start])
        var end = start + 1
        while end < entries.endIndex, slot(entries[end]) == first { end += 1 }
        return end
    }

    /// Whether `entries` report `figure` in any slot: the same value, and the same year unless
    /// either states none.
    private static func reports(_ entries: ArraySlice<UInt64>, _ figure: UInt64) -> Bool {
        entries.contains { candidate in
            value(candidate) == value(figure)
                && (year(candidate) == 0 || year(figure) == 0 || year(candidate) == year(figure))
        }
    }
}
