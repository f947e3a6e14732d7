/// One article's fingerprint as the store hands it to the global dedupe step: a few numbers and
/// its figure signature. Band keys and shingles stay in the store and are read as they are
/// needed. `StoredFingerprints` holds those of a whole history, column by column.
struct StoredFingerprint: Sendable {
    /// The article's row in the store, to load its shingles.
    var id: Int
    var exactKey: UInt64
    var published: CivilDate?
    var chars: Int
    /// The size of its shingle set: a pair whose sizes differ too much cannot reach the
    /// threshold, and its sets are then never loaded.
    var shingleCount: Int
    /// The figures the article reports; empty for articles stored before signatures were kept.
    var figures: FigureSignature = FigureSignature(entries: [])
}
