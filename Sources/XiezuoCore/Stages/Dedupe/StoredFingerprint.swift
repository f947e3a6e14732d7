/// An article's fingerprint as the global dedupe step holds it: a few fixed-width numbers
/// (about 80 bytes) and the figure signature (8 bytes a figure), so that the fingerprints of a
/// whole history stay small. Band keys and shingles stay in the store and are read as they are
/// needed. The position in the array
/// the store returns is the article's place in table order (source, then part).
struct StoredFingerprint: Sendable {
    /// The article's row in the store, to load its shingles.
    var id: Int
    /// The doc_id as its hash value (`StableHash.hex` gives the text back).
    var docID: UInt64
    var exactKey: UInt64
    var published: CivilDate?
    var chars: Int
    /// The size of its shingle set: a pair whose sizes differ too much cannot reach the
    /// threshold, and its sets are then never loaded.
    var shingleCount: Int
    /// The figures the article reports; empty for articles stored before signatures were kept.
    var figures: FigureSignature = FigureSignature(entries: [])
}
