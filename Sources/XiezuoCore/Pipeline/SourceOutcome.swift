/// What the per-article stages made of one source: its articles with their facts, or the
/// reject that stopped it, and the seconds each stage took on the worker.
struct SourceOutcome: Sendable {
    var reference: SourceReference
    var bytes: Int
    var records: [ArticleRecord] = []
    var fingerprints: [ArticleFingerprint] = []
    var reject: Reject?
    var fetchSeconds = 0.0
    var cleanSeconds = 0.0
    var extractSeconds = 0.0
}
