/// How an article's fingerprint is made, on the workers while the text is at hand: the
/// normalised text's hash, its shingles, their MinHash band keys and the figures extract found.
extension ArticleFingerprint {
    public init(article: Article, facts: [Fact], parameters: NearDuplicateParameters) {
        // Clean's scalars (`Article.scalars`), for the shingles, the exact key and the figures'
        // contexts: the text's UTF-8 is not decoded again.
        let scalars = article.scalars
        let shingles = ShingleSet(normalisedScalars: ShingleText.normalised(scalars), shingleSize: parameters.shingleSize)
        self.init(
            exactKey: Self.normalisedHash(of: scalars), shingles: shingles.hashes,
            bandKeys: MinHashSignature(shingles, parameters: parameters).bandKeys,
            figures: FigureSignature(facts: facts, scalars: scalars).entries)
    }

    /// The FNV-1a hash of the text's UTF-8 with whitespace, punctuation and symbols left out and
    /// ASCII letters lowercased, folded from the scalars as they go by (no string or array is
    /// built).
    static func normalisedHash(of scalars: [Unicode.Scalar]) -> UInt64 {
        var hash = StableHash.offsetBasis
        // The table once, not through its lazy global's accessor at every scalar.
        let ignored = ignoredInBMP
        scalars.withUnsafeBufferPointer { scalars in
            for scalar in scalars {
                let value = scalar.value
                if (0x4E00...0x9FFF).contains(value) {
                    // CJK ideographs, most of the text: never ignored, three UTF-8 bytes.
                    hash = StableHash.adding(UInt8(truncatingIfNeeded: 0xE0 | value >> 12), to: hash)
                    hash = StableHash.adding(UInt8(truncatingIfNeeded: 0x80 | (value >> 6 & 0x3F)), to: hash)
                    hash = StableHash.adding(UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F)), to: hash)
                } else if isIgnored(scalar, bmp: ignored) {
                    continue
                } else if value < 0x80 {
                    let byte = UInt8(truncatingIfNeeded: value)
                    hash = StableHash.adding(byte | ((0x41...0x5A).contains(byte) ? 0x20 : 0), to: hash)
                } else {
                    UTF8.encode(scalar) { hash = StableHash.adding($0, to: hash) }
                }
            }
        }
        return hash
    }

    /// Whitespace, punctuation or a symbol. Looking up a scalar's Unicode properties costs
    /// far more than the rest of fingerprinting, so the answers for the Basic Multilingual
    /// Plane (where Chinese text lives) are looked up once into a bit table.
    @inline(__always)
    static func isIgnored(_ scalar: Unicode.Scalar) -> Bool {
        isIgnored(scalar, bmp: ignoredInBMP)
    }

    @inline(__always)
    private static func isIgnored(_ scalar: Unicode.Scalar, bmp: [UInt64]) -> Bool {
        let value = Int(scalar.value)
        guard value < 0x10000 else { return looksUpIgnored(scalar) }
        return bmp[value >> 6] & (1 << UInt64(value & 63)) != 0
    }

    private static let ignoredInBMP: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for value in 0..<UInt32(0x10000) {
            // Built at every start-up: the blocks of letters and private use (CJK ideographs and
            // extension A, Yi, Hangul syllables, the private use area, surrogates) hold no white
            // space, punctuation or symbol in any Unicode version, and are three quarters of the
            // plane; skipping their property look-ups saves ~35 M instructions per run.
            if (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xA000...0xA48C).contains(value)
                || (0xAC00...0xD7A3).contains(value) || (0xD800...0xF8FF).contains(value)
            {
                continue
            }
            guard let scalar = Unicode.Scalar(value), looksUpIgnored(scalar) else { continue }
            bits[Int(value) >> 6] |= 1 << UInt64(value & 63)
        }
        return bits
    }()

    private static func looksUpIgnored(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isWhitespace || properties.generalCategory.isPunctuationOrSymbol
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
