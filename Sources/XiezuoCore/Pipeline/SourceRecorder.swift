import Logging

/// The store step of a run's read: what happens to each source's outcome, in input order, on
/// the calling thread while the workers go on. It records the source (its bytes' hash and the
/// processor's identity), its articles, its reject and a URL's validators in the store (inside
/// the run's transaction) and sums the counts. Nothing is kept per source, so memory does not
/// grow with the corpus.
struct SourceRecorder {
    let transaction: StoreTransaction
    let run: Int
    /// The identity of the `ArticleProcessor` that made tonight's articles.
    let processor: String
    /// The store's legacy source names (see `LegacySourceClaims`); usually none.
    let legacyNames: Set<String>
    let logger: Logger
    /// The per-source stages' counts and seconds, summed as outcomes arrive, and the seconds
    /// spent writing to the store.
    private var tally = ReadStepReport()

    init(transaction: StoreTransaction, run: Int, processor: String, legacyNames: Set<String> = [], logger: Logger) {
        self.transaction = transaction
        self.run = run
        self.processor = processor
        self.legacyNames = legacyNames
        self.logger = logger
    }

    /// What planning found: feeds and URL files read again tonight replace their earlier
    /// rejects, and tonight's planning rejects (a feed that failed, a line that is no URL) are
    /// recorded. Fetch counted them as records in and rejected when the plan was made.
    mutating func record(_ plan: FetchPlan) throws {
        for list in plan.lists { try transaction.forgetRejects(of: list) }
        for reject in plan.rejects {
            log(reject)
            tally.rejects += 1
            try transaction.insert(reject, run: run)
        }
    }

    mutating func store(_ outcome: SourceOutcome) throws {
        count(outcome)
        let timer = StageTimer()
        defer { tally.storeSeconds += timer.seconds }
        var isURL = false
        if case .url = outcome.reference.location { isURL = true }
        if legacyNames.contains(outcome.reference.name) { try transaction.forgetLegacyName(outcome.reference.name) }
        if let legacy = outcome.legacy {
            // The history under the legacy name moves to this file's name; the file is then
            // unchanged, or processed again, as any other.
            if outcome.adoptsLegacy {
                try transaction.adoptLegacySource(legacy, as: outcome.reference.name)
            } else {
                try transaction.settleLegacySource(legacy)
            }
        }
        if outcome.unchanged {
            // A 200 with the bytes the store already holds: its (possibly new) validators still count.
            if isURL, outcome.contentHash != nil {
                try transaction.replaceValidators(
                    url: outcome.reference.name, outcome.validators, contentHash: outcome.contentHash)
            }
            return
        }
        if let reject = outcome.reject {
            tally.rejects += 1
            log(reject)
        }
        try transaction.recordSource(
            name: outcome.reference.name, contentHash: outcome.contentHash, processor: processor, bytes: outcome.bytes, run: run
        )
        if isURL {
            try transaction.replaceValidators(
                url: outcome.reference.name, outcome.validators, contentHash: outcome.contentHash)
        }
        if let reject = outcome.reject {
            try transaction.insert(reject, run: run)
            // One rule at every stage (README, "Across nights"): only content that gives
            // articles replaces a source's history. A source that cannot be read tonight, or
            // whose new content is unusable (too large, empty, binary, not text), keeps its
            // earlier articles; its reject says what is wrong with it now. Unless its bytes
            // are those its articles were made of: then tonight's rules find no article in
            // the very bytes earlier rules read, and those articles go.
            guard outcome.bytesUnchanged else { return }
        }
        let earlier = try transaction.replaceArticles(of: outcome.reference.name)
        for article in outcome.articles {
            // The same text at the same place is the same row of `documents`: it keeps the run
            // that first stored it.
            let kept = earlier[article.record.part].flatMap { $0.textHash == article.record.docID ? $0 : nil }
            try transaction.insert(article, run: run, firstSeenRun: kept?.firstSeenRun ?? run)
        }
    }

    private func log(_ reject: Reject) {
        logger.warning(
            "source rejected",
            metadata: [
                "source.name": "\(reject.source)", "stage.name": "\(reject.stage.rawValue)", "reject.reason": "\(reject.reason)",
            ]
        )
    }

    private mutating func count(_ outcome: SourceOutcome) {
        let rejectedAt = outcome.reject?.stage
        tally.bytes += outcome.bytes
        tally.articles += outcome.articles.count
        if outcome.unchanged { tally.unchanged += 1 }
        tally.update(.fetch) {
            $0.seconds += outcome.fetchSeconds
            if rejectedAt == .fetch { $0.rejected += 1 } else { $0.recordsOut += 1 }
        }
        guard rejectedAt != .fetch, !outcome.unchanged else { return }
        tally.update(.clean) {
            $0.recordsIn += 1
            $0.seconds += outcome.cleanSeconds
            // A clean record is a source: it leaves as its articles (`articles` in run.json).
            if rejectedAt == .clean { $0.rejected += 1 } else { $0.recordsOut += 1 }
        }
        tally.update(.extract) {
            $0.recordsIn += outcome.articles.count
            $0.recordsOut += outcome.articles.count
            $0.seconds += outcome.extractSeconds
        }
    }

    /// The read step's report, less its wall seconds (the caller times the whole step).
    var report: ReadStepReport { tally }
}
