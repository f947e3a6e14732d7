/// What dedupe needs to know of an article, computed on the workers so that the global
/// step holds a few dozen bytes per article, never its text.
public struct ArticleFingerprint: Sendable, Equatable {
    public var position: ArticlePosition
    public var docID: String
    /// Hash of the text with whitespace and punctuation removed: copies that differ only in
    /// layout share it.
    public var exactKey: UInt64
    public var published: CivilDate?
    public var chars: Int

    public init(article: Article, position: ArticlePosition) {
        self.position = position
        docID = article.docID
        exactKey = Self.normalisedHash(of: article.text)
        published = article.published
        chars = article.chars
    }

    static func normalisedHash(of text: String) -> UInt64 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isWhitespace || scalar.properties.generalCategory.isPunctuation { continue }
            bytes.append(contentsOf: String(scalar).lowercased().utf8)
        }
        return StableHash.value(of: bytes)
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
