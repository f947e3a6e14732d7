/// Dedupe: a global step. It sees every article's fingerprint, then decides which copy of a
/// story is kept. The rule, documented in the README: earliest published (a stated date
/// beats none), then the most complete (most characters), then the first in input order.
public struct DedupeStage: Sendable {
    public let config: DedupeConfig
    private var groups: [UInt64: ArticleFingerprint] = [:]
    private var members: [(key: UInt64, fingerprint: ArticleFingerprint)] = []

    public init(config: DedupeConfig) {
        self.config = config
    }

    public mutating func add(_ fingerprint: ArticleFingerprint) {
        guard config.enabled else { return }
        members.append((fingerprint.exactKey, fingerprint))
        if let kept = groups[fingerprint.exactKey], !Self.isPreferred(fingerprint, over: kept) { return }
        groups[fingerprint.exactKey] = fingerprint
    }

    /// The duplicates: position of each dropped copy → doc_id of the kept copy.
    public func verdicts() -> [ArticlePosition: String] {
        var result: [ArticlePosition: String] = [:]
        for (key, fingerprint) in members {
            guard let kept = groups[key], kept.position != fingerprint.position else { continue }
            result[fingerprint.position] = kept.docID
        }
        return result
    }

    static func isPreferred(_ candidate: ArticleFingerprint, over kept: ArticleFingerprint) -> Bool {
        switch (candidate.published, kept.published) {
        case let (candidateDate?, keptDate?) where candidateDate != keptDate: return candidateDate < keptDate
        case (.some, .none): return true
        case (.none, .some): return false
        default: break
        }
        if candidate.chars != kept.chars { return candidate.chars > kept.chars }
        return candidate.position < kept.position
    }
}
