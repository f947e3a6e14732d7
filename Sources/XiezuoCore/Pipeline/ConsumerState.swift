import Logging

/// What the in-order consumer accumulates while the workers run: the spool, the sources to
/// record in the store, the rejects and the counts. `@unchecked Sendable`: the worker pool
/// calls `consume` under its lock, one outcome at a time, and the rest is read after it ends.
final class ConsumerState: @unchecked Sendable {
    /// A source processed tonight, to be recorded in the store.
    struct ProcessedSource {
        var name: String
        var contentHash: String?
        var bytes: Int
        var isURL: Bool
        var validators: HTTPValidators?
    }

    let spool: Spool
    private(set) var rejects: [Reject] = []
    private(set) var processed: [ProcessedSource] = []
    /// URLs whose body matched the stored one: only their validators are new.
    private(set) var revalidated: [ProcessedSource] = []
    /// Feeds and URL files planned tonight, whose earlier rejects tonight's replace.
    private(set) var lists: [String] = []
    private var firstError: OutputError?
    private var counts: [SourceOutcome.Counts] = []

    init(spool: Spool) {
        self.spool = spool
    }

    /// Rejects found while planning (a feed that failed, a line of a URL file that is no URL).
    func add(_ plan: FetchPlan) {
        rejects += plan.rejects
        lists = plan.lists
    }

    func consume(_ outcome: SourceOutcome) {
        counts.append(SourceOutcome.Counts(outcome))
        var isURL = false
        if case .url = outcome.reference.location { isURL = true }
        let source = ProcessedSource(
            name: outcome.reference.name, contentHash: outcome.contentHash, bytes: outcome.bytes, isURL: isURL,
            validators: outcome.validators)
        if outcome.unchanged {
            // A 200 with the bytes the store already holds: its (possibly new) validators still count.
            if isURL, outcome.contentHash != nil { revalidated.append(source) }
            return
        }
        processed.append(source)
        if let reject = outcome.reject { rejects.append(reject) }
        guard firstError == nil else { return }
        do {
            for article in outcome.articles { try spool.append(article) }
        } catch {
            firstError = error
        }
    }

    /// Adds the per-source stages' counts to `report`; rethrows a spool failure.
    func finish(into report: inout RunReport, logger: Logger) throws(OutputError) {
        if let firstError { throw firstError }
        for count in counts {
            report.bytes += count.bytes
            report.articles += count.articles
            if count.unchanged { report.unchanged += 1 }
            report.update(.fetch) {
                $0.seconds += count.fetchSeconds
                if count.rejectedAt == .fetch { $0.rejected += 1 } else { $0.recordsOut += 1 }
            }
            guard count.rejectedAt != .fetch, !count.unchanged else { continue }
            report.update(.clean) {
                $0.recordsIn += 1
                $0.seconds += count.cleanSeconds
                // A clean record is a source: it leaves as its articles (`articles` in run.json).
                if count.rejectedAt == .clean { $0.rejected += 1 } else { $0.recordsOut += 1 }
            }
            report.update(.extract) {
                $0.recordsIn += count.articles
                $0.recordsOut += count.articles
                $0.seconds += count.extractSeconds
            }
        }
        report.rejects = rejects.count
        for reject in rejects {
            logger.warning(
                "source rejected",
                metadata: [
                    "source.name": "\(reject.source)", "stage.name": "\(reject.stage.rawValue)", "reject.reason": "\(reject.reason)",
                ]
            )
        }
    }
}

extension SourceOutcome {
    /// The few numbers kept per source once its articles are spooled.
    struct Counts: Sendable {
        var bytes: Int
        var articles: Int
        var unchanged: Bool
        var rejectedAt: StageName?
        var fetchSeconds: Double
        var cleanSeconds: Double
        var extractSeconds: Double

        init(_ outcome: SourceOutcome) {
            bytes = outcome.bytes
            articles = outcome.articles.count
            unchanged = outcome.unchanged
            rejectedAt = outcome.reject?.stage
            fetchSeconds = outcome.fetchSeconds
            cleanSeconds = outcome.cleanSeconds
            extractSeconds = outcome.extractSeconds
        }
    }
}
