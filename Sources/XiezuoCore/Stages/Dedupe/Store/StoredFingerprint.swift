/// An article's fingerprint as the store holds it, for the global dedupe step.
struct StoredFingerprint: Sendable {
    var id: Int
    var source: String
    var part: Int
    var docID: String
    var exactKey: UInt64
    var published: CivilDate?
    var chars: Int
    var bandKeys: [UInt64]
}
