/// The text shingles are cut from: the article with whitespace, punctuation, symbols and
/// invisible format characters dropped, full-width ASCII folded to ASCII and ASCII letters
/// lowercased. Two copies that differ only in layout, quote style, full- or half-width digits
/// or letter case give the same scalars; the characters that carry the story stay.
///
/// Why scalars and not `Character`s: grapheme breaking costs more than the rest of shingling,
/// and Chinese news has no multi-scalar graphemes that matter here. The hot ranges (ASCII, CJK
/// ideographs, CJK punctuation, general punctuation, full-width forms) are decided without a
/// Unicode property lookup; `DedupeNearDuplicateUnitTests` checks over every scalar that these fast
/// paths agree with the property-based rule in `isKeptByProperties`.
enum ShingleText {
    /// The normalised scalar values of `text`, in order.
    static func scalars(of text: String) -> [UInt32] {
        normalised(ScalarDecoding.scalars(of: text))
    }

    /// The normalised values of `scalars`, in order, written into storage of the scalars'
    /// count (appending one value at a time cost a call per scalar). The fingerprint decodes an
    /// article once and hands the scalars to this and to `FigureSignature`.
    static func normalised(_ scalars: [Unicode.Scalar]) -> [UInt32] {
        scalars.withUnsafeBufferPointer { scalars in
            [UInt32](unsafeUninitializedCapacity: scalars.count) { values, written in
                var count = 0
                for scalar in scalars {
                    let value = normalised(scalar.value)
                    values[count] = value
                    count &+= value != 0 ? 1 : 0
                }
                written = count
            }
        }
    }

    /// The value `value` stands for in shingles, or 0 when it is dropped.
    @inline(__always)
    static func normalised(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x4E00...0x9FFF:  // CJK Unified Ideographs: the bulk of the text
            return value
        case 0..<0x80:
            return ascii(value)
        case 0xFF01...0xFF5E:  // full-width ASCII
            return ascii(value - 0xFEE0)
        case 0x2000...0x206F, 0x3000...0x3004, 0x3008...0x3020, 0x3030, 0x303D...0x303F, 0xFE10...0xFE19,
            0xFE30...0xFE4F, 0xFF5F...0xFF65:
            // General punctuation and spaces, CJK punctuation (not 々 〆 〇 and the Hangzhou
            // numerals), vertical and compatibility forms, half-width CJK punctuation.
            return 0
        default:
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            return isKeptByProperties(scalar) ? value : 0
        }
    }

    @inline(__always)
    private static func ascii(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x30...0x39, 0x61...0x7A: return value  // digits, a-z
        case 0x41...0x5A: return value + 0x20  // A-Z
        default: return 0  // controls, space, punctuation, symbols
        }
    }

    /// The rule the fast paths implement: drop separators, controls, format characters
    /// (zero-width spaces, byte-order marks), punctuation, symbols and unassigned code points;
    /// keep letters, marks, numbers and private-use characters.
    static func isKeptByProperties(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format, .surrogate, .unassigned,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return false
        default:
            return true
        }
    }
}
