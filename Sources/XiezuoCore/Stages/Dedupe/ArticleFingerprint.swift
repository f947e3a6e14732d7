/// What dedupe needs to know of an article, computed on the workers while the text is at
/// hand, so that the global step never needs the text.
public struct ArticleFingerprint: Sendable, Equatable {
    /// Hash of the text with whitespace and punctuation removed: copies that differ only in
    /// layout share it.
    public var exactKey: UInt64
    /// The article's character shingles, for the exact Jaccard re-check of LSH candidates.
    public var shingles: ShingleSet
    /// One MinHash band key per LSH band.
    public var bandKeys: [UInt64]

    public init(article: Article, parameters: NearDuplicateParameters) {
        exactKey = Self.normalisedHash(of: article.text)
        shingles = ShingleSet(text: article.text, shingleSize: parameters.shingleSize)
        bandKeys = MinHashSignature(shingles, parameters: parameters).bandKeys
    }

    init(exactKey: UInt64, shingles: ShingleSet, bandKeys: [UInt64]) {
        self.exactKey = exactKey
        self.shingles = shingles
        self.bandKeys = bandKeys
    }

    static func normalisedHash(of text: String) -> UInt64 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isWhitespace || properties.generalCategory.isPunctuationOrSymbol { continue }
            if scalar.isASCII {
                bytes.append(UInt8(truncatingIfNeeded: scalar.value) | (("A"..."Z").contains(scalar) ? 0x20 : 0))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return StableHash.value(of: bytes)
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
