/// What dedupe needs to know of an article, computed while its text is at hand, so that the
/// global step never needs the text: plain numbers, as the store keeps them and as they would
/// travel between machines.
public struct ArticleFingerprint: Sendable, Equatable {
    /// Hash of the text with whitespace and punctuation removed: copies that differ only in
    /// layout share it.
    public var exactKey: UInt64
    /// The hashes of the article's character shingles, ascending and distinct, for the exact
    /// Jaccard re-check of candidate pairs.
    public var shingles: [UInt32]
    /// One MinHash band key per LSH band.
    public var bandKeys: [UInt64]
    /// The figure signature's entries (`FigureSignature`): the figures extract found, so that
    /// copies alike in wording but reporting other figures are told apart.
    public var figures: [UInt64]

    public init(exactKey: UInt64, shingles: [UInt32], bandKeys: [UInt64], figures: [UInt64]) {
        self.exactKey = exactKey
        self.shingles = shingles
        self.bandKeys = bandKeys
        self.figures = figures
    }
}
