/// The common Chinese characters of both scripts, for telling a right decoding from a wrong
/// one: GB2312's level-1 characters (一级汉字, the 3,755 most used Simplified characters) and
/// Big5's level-1 characters (常用字, 5,401 common Traditional characters).
///
/// The sets come from the encodings' own tables, decoded once through iconv, rather than from
/// a list typed into the source: they are exactly the standards' lists. Text in the right
/// encoding is nearly all common characters; the same bytes read in the wrong encoding land
/// on rare characters, kana, Greek or user-defined codes much of the time.
struct CommonHanTable: Sendable {
    /// Bit per scalar of the CJK Unified Ideographs block, U+4E00…U+9FFF.
    private var bits: [UInt64]
    private static let first: UInt32 = 0x4E00
    private static let last: UInt32 = 0x9FFF

    static let shared = CommonHanTable()

    private init() {
        bits = [UInt64](repeating: 0, count: Int(Self.last - Self.first) / 64 + 1)
        // GB2312 level 1: rows 0xB0-0xD7, columns 0xA1-0xFE (0xD7FA-0xD7FE are unassigned).
        add(Self.pairs(leads: 0xB0...0xD7, trails: [0xA1...0xFE]), as: .gb18030)
        // Big5 level 1: 0xA440-0xC67E, columns 0x40-0x7E and 0xA1-0xFE.
        add(
            Self.pairs(leads: 0xA4...0xC5, trails: [0x40...0x7E, 0xA1...0xFE])
                + Self.pairs(leads: 0xC6...0xC6, trails: [0x40...0x7E]), as: .big5)
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value >= Self.first, value <= Self.last else { return false }
        let offset = Int(value - Self.first)
        return bits[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }

    /// Decodes every pair leniently, so an unassigned code only becomes a replacement (the
    /// line feed after each pair stops a skipped byte from pairing with the next code); without
    /// iconv the table stays empty and the guess falls back on
    /// the count of invalid sequences alone.
    private mutating func add(_ bytes: [UInt8], as encoding: TextEncoding) {
        guard let attempt = try? IconvDecoding.decode(bytes, from: 0, as: encoding) else { return }
        for scalar in attempt.scalars where scalar.value >= Self.first && scalar.value <= Self.last {
            let offset = Int(scalar.value - Self.first)
            bits[offset >> 6] |= 1 << UInt64(offset & 63)
        }
    }

    private static func pairs(leads: ClosedRange<UInt8>, trails: [ClosedRange<UInt8>]) -> [UInt8] {
        var bytes: [UInt8] = []
        for lead in leads {
            for range in trails {
                for trail in range { bytes += [lead, trail, 0x0A] }
            }
        }
        return bytes
    }
}
