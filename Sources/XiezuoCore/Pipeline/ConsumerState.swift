import Logging

/// What the in-order consumer accumulates while the workers run: the spool, dedupe's
/// fingerprints, the rejects and the counts. `@unchecked Sendable`: the worker pool calls
/// `consume` under its lock, one outcome at a time, and the rest is read after the pool ends.
final class ConsumerState: @unchecked Sendable {
    let spool: Spool
    var dedupe: DedupeStage
    private(set) var rejects: [Reject] = []
    private var firstError: OutputError?
    private var outcomes: [SourceOutcome.Counts] = []

    init(spool: Spool, dedupe: DedupeStage) {
        self.spool = spool
        self.dedupe = dedupe
    }

    func consume(_ outcome: SourceOutcome) {
        outcomes.append(SourceOutcome.Counts(outcome))
        if let reject = outcome.reject { rejects.append(reject) }
        guard firstError == nil else { return }
        do {
            for record in outcome.records { try spool.append(record) }
        } catch {
            firstError = error
        }
        for fingerprint in outcome.fingerprints { dedupe.add(fingerprint) }
    }

    /// Adds the per-source stages' counts to `report`; rethrows a spool failure.
    func finish(into report: inout RunReport, logger: Logger) throws(OutputError) {
        if let firstError { throw firstError }
        for counts in outcomes {
            report.bytes += counts.bytes
            report.articles += counts.articles
            report.update(.fetch) {
                $0.seconds += counts.fetchSeconds
                if counts.rejectedAt == .fetch { $0.rejected += 1 } else { $0.recordsOut += 1 }
            }
            if counts.rejectedAt != .fetch {
                report.update(.clean) {
                    $0.recordsIn += 1
                    $0.seconds += counts.cleanSeconds
                    if counts.rejectedAt == .clean { $0.rejected += 1 } else { $0.recordsOut += counts.articles }
                }
            }
            report.update(.extract) {
                $0.recordsIn += counts.articles
                $0.recordsOut += counts.articles
                $0.seconds += counts.extractSeconds
            }
        }
        report.rejects = rejects.count
        for reject in rejects {
            logger.warning(
                "source rejected",
                metadata: ["source.name": "\(reject.source)", "stage.name": "\(reject.stage.rawValue)", "reject.reason": "\(reject.reason)"]
            )
        }
    }
}

extension SourceOutcome {
    /// The few numbers kept per source once its records are spooled.
    struct Counts: Sendable {
        var bytes: Int
        var articles: Int
        var rejectedAt: StageName?
        var fetchSeconds: Double
        var cleanSeconds: Double
        var extractSeconds: Double

        init(_ outcome: SourceOutcome) {
            bytes = outcome.bytes
            articles = outcome.records.count
            rejectedAt = outcome.reject?.stage
            fetchSeconds = outcome.fetchSeconds
            cleanSeconds = outcome.cleanSeconds
            extractSeconds = outcome.extractSeconds
        }
    }
}
