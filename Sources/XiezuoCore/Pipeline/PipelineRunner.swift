import Foundation
import Logging

/// One run, in the order it runs:
///
/// 1. **setup** — the `ArticleProcessor` is built (rule tables read, OpenCC opened) by the
///    caller, before anything is listed, locked or opened (`xiezuo run` builds it before it
///    takes the lock, as `--dry-run` and `validate` do);
/// 2. **plan** — fetch lists the sources (files, URLs, feeds);
/// 3. **read** — on `workers` Dispatch workers, each source is read (fetch) and processed
///    (`ArticleProcessor.process`: clean, then extract, paragraphs and fingerprints of each
///    article), and in input order each outcome is **stored** in the article store while the
///    workers go on;
/// 4. **dedupe** — over the fingerprints of every stored article (tonight's and, with scope
///    "history", every earlier night's);
/// 5. **aggregate** — the kept articles' facts folded into `summary`;
/// 6. **write** — documents, paragraphs, the kept facts, summary and rejects from the store,
///    into the staging directory (5 and 6 in one pass over the store, each file on a lane of
///    its own with more than one worker);
/// 7. **publish** — the store commits, then the staged set becomes `current` in one rename.
///
/// Each step returns its own report, which `run()` adds to the run's (`RunReport+Steps`) in
/// that order. Steps 3 to 6 run in one store transaction, so a failed or killed run leaves the store and
/// the tables as the last successful run left them. The tables are byte-identical for any
/// number of workers.
public struct PipelineRunner: Sendable {
    public let config: PipelineConfig
    /// What each source is processed with; built from `config`.
    public let processor: ArticleProcessor
    public let workers: Int
    /// Rebuild the history from scratch into a new store beside the old one, which replaces it
    /// only once the run has succeeded (`--full-refresh`).
    public let fullRefresh: Bool
    private let logger: Logger
    private let progress: RunProgress?
    private let interruption: RunInterruption?

    /// The most workers a run takes (`--workers`): far more than any machine's cores, and each
    /// worker may hold a source (up to a few times `fetch.max_bytes`) in memory at once.
    public static let maxWorkers = 1024

    /// From the table writing on, blocks of this size or more are mapped on their own
    /// (`MallocArenas.mapBlocks`, for the rest of the process): the writers' column and page
    /// buffers, and the CSV buffers.
    static let tableBlockBytes = 256 << 10

    /// Articles written to the tables between two `MallocArenas.releaseFree` (each takes
    /// about a millisecond).
    static let articlesBetweenReleases = 4096

    /// `progress`, when given, is kept up to date for a progress display to poll; `interruption`,
    /// when given, stops the run at its next checkpoint once a signal has come. `workers` is
    /// clamped to 1...`maxWorkers` (the CLI refuses other values as a usage error).
    public init(
        config: PipelineConfig, processor: ArticleProcessor, workers: Int, fullRefresh: Bool = false, logger: Logger,
        progress: RunProgress? = nil, interruption: RunInterruption? = nil
    ) {
        self.config = config
        self.processor = processor
        self.workers = min(max(1, workers), Self.maxWorkers)
        self.fullRefresh = fullRefresh
        self.logger = logger
        self.progress = progress
        self.interruption = interruption
    }

    public func run() throws(RunError) -> RunReport {
        let timer = StageTimer()
        var report = RunReport()
        report.started = RunReport.timestamp()
        report.fullRefresh = fullRefresh
        // Describing the settings for `config_hash` takes a few milliseconds of reflection; it
        // runs on another thread while the plan is made and the store opened.
        let configHash = BackgroundValue { [config] in config.hash }
        report.workers = workers
        report.processor = processor.identity

        try config.checkStoreDirectory()
        try interruption?.check()
        let fetch = FetchStage(config: config.fetch)
        let http = LazyHTTPClient(config: config.fetch, logger: logger)
        let (plan, planned) = try self.plan(fetch, client: http)
        report.record(planned)
        logger.info(
            "run started",
            metadata: ["run.sources": .stringConvertible(report.sources), "run.workers": .stringConvertible(workers)])

        try interruption?.check()
        let staging: OutputStaging
        do {
            staging = try OutputStaging(directory: config.output.directory)
        } catch {
            throw .output(error)
        }
        interruption?.register(staging: staging.staging)
        defer { interruption?.unregister(staging: staging.staging) }
        let store = storePath(staging: staging)
        defer { Self.removeStore(at: store, unless: config.dedupe.scope == .history && !fullRefresh) }
        if let previous = OutputStaging.currentSet(in: config.output.directory) {
            report.previousRunID = RunReport.runID(
                inReportAt: URL(fileURLWithPath: config.output.directory).appendingPathComponent(OutputLayout.runs)
                    .appendingPathComponent(previous).appendingPathComponent(OutputLayout.runReport).path)
        }
        do throws(RunError) {
            try process(
                consume plan, reading: Reading(fetch: fetch, http: http), staging: staging, storePath: store,
                configHash: configHash, report: &report)
            report.seconds = timer.seconds
            do {
                try Self.writeFile(report.json(), to: staging.path(for: OutputLayout.runReport))
            } catch {
                throw RunError.output(error)
            }
            try publish(staging, store: store, report: report)
        } catch {
            staging.discard()
            throw error
        }
        if let postgres = config.output.postgres { try load(into: postgres, report: report) }
        logger.info("run finished", metadata: report.finishedMetadata)
        return report
    }

    // MARK: - Plan

    /// Step 2: fetch's listing. A source is whatever fetch receives: every file, URL and feed
    /// item planned, and every feed or URL-list line that failed while planning (a reject of fetch).
    private func plan(_ fetch: FetchStage, client http: LazyHTTPClient) throws(RunError) -> (FetchPlan, PlanStepReport) {
        let planTimer = StageTimer()
        let plan: FetchPlan
        do {
            plan = try fetch.plan(client: http.client)
        } catch {
            throw .missingInput(error)
        }
        let report = PlanStepReport(
            sources: plan.references.count + plan.rejects.count, rejected: plan.rejects.count, seconds: planTimer.seconds)
        return (plan, report)
    }

    // MARK: - Steps 3 to 6, in one store transaction

    /// What reading a source needs besides the processor.
    private struct Reading: Sendable {
        var fetch: FetchStage
        var http: LazyHTTPClient
    }

    /// What the store tells the read step before it starts.
    private struct Known: Sendable {
        /// By source name, what made the stored articles.
        var sources: [String: SourceVersion]
        var legacy: LegacySourceClaims
        /// By URL, the validators to send (only for articles this processor made).
        var validators: [String: HTTPValidators]
    }

    /// What the read step takes: the plan and what the store knew of its sources. Both grow with
    /// the corpus (3.3 MB for the 14,282 files of the 200 MB benchmark, with an empty store) and
    /// nothing after the read step needs them, so they go with it.
    private struct Unread {
        var plan: FetchPlan
        var known: Known
    }

    private func process(
        _ plan: consuming FetchPlan, reading: Reading, staging: OutputStaging, storePath: String,
        configHash: BackgroundValue<String>, report: inout RunReport
    ) throws(RunError) {
        let openTimer = StageTimer()
        // Run numbers go on from the tables being replaced and, for a full refresh, from the
        // history being rebuilt.
        var firstRun = report.previousRunID + 1
        if fullRefresh && config.dedupe.scope == .history {
            firstRun = max(firstRun, Self.latestRun(ofStoreAt: config.dedupe.storePath(outputDirectory: config.output.directory)) + 1)
        }
        let (store, known) = try open(storePath, plan: plan)
        report.configHash = configHash.value
        report.phases["setup"] = openTimer.seconds
        var unread: Unread? = Unread(plan: consume plan, known: consume known)

        var written = report
        do {
            try store.transaction { transaction in
                written.runID = try transaction.beginRun(
                    configHash: written.configHash, processor: processor.identity, sources: written.sources, atLeast: firstRun,
                    version: written.version, started: written.started)
                // Taken once (the transaction runs its body once) and dropped with the read step.
                if let unread = unread.take() {
                    written.record(
                        try read(unread.plan, reading: reading, known: unread.known, into: transaction, run: written.runID))
                }
                try transaction.cacheForReading()
                // Each step frees most of what it held; the next finds it returned, not mapped
                // on top of what it takes (see `MallocArenas.releaseFree`).
                MallocArenas.releaseFree()
                log([.fetch, .clean, .extract], of: written)
                let (verdicts, deduped) = try dedupe(transaction)
                written.record(deduped)
                MallocArenas.releaseFree()
                MallocArenas.mapBlocks(ofAtLeast: Self.tableBlockBytes)
                log([.dedupe], of: written)
                let (aggregated, tablesSeconds) = try write(
                    transaction, verdicts: verdicts, staging: staging, stamp: written.stamp)
                written.record(aggregated)
                log([.aggregate], of: written)
                written.phases["tables"] = tablesSeconds
                written.finished = RunReport.timestamp()
                try transaction.finishRun(written.runID, finished: written.finished)
                // The point of no return: a signal after this lets the run finish.
                try interruption?.enterCommit()
            }
        } catch let error as RunError {
            throw error
        } catch let error as OutputError {
            throw .output(error)
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .store(StoreError(path: storePath, doing: "the run's changes could not be stored", error: error))
        }
        report = written
    }

    /// Opens the store this run writes and reads what the read step needs from it.
    private func open(_ storePath: String, plan: FetchPlan) throws(RunError) -> (ArticleStore, Known) {
        do {
            // A full refresh starts from an empty store; one a killed refresh left is removed.
            if fullRefresh { Self.removeStore(at: storePath, unless: false) }
            let store = try ArticleStore(path: storePath)
            if config.dedupe.scope == .history, store.created, !fullRefresh {
                // A new history is worth a line: after a typo in a path, it is the only sign.
                logger.info("store created", metadata: ["store.path": "\(storePath)"])
            }
            let sources = try store.sources()
            let legacy = LegacySourceClaims(plan: plan, known: sources, legacy: try store.legacySources())
            // With scope "run" or a full refresh the store is new: nothing is known, so no
            // request is conditional.
            let validators = plan.downloads.isEmpty ? [:] : try store.validators(processor: processor.identity)
            return (store, Known(sources: sources, legacy: legacy, validators: validators))
        } catch {
            throw .store(error)
        }
    }

    /// Step 3: every source read and processed on the workers; each outcome stored in input
    /// order (`SourceRecorder`) while later sources are still being read.
    private func read(
        _ plan: FetchPlan, reading: Reading, known: Known, into transaction: StoreTransaction, run: Int
    ) throws -> ReadStepReport {
        let workersTimer = StageTimer()
        let pool = OrderedWorkerPool(workers: workers)
        progress?.planned(plan.references)
        var downloads: URLPrefetcher?
        if !plan.downloads.isEmpty {
            // Bodies downloaded and not yet taken: one per connection and one per worker.
            let window = config.fetch.http.maxConnections + workers
            downloads = URLPrefetcher(client: reading.http.client, plan: plan, validators: known.validators, window: window)
            downloads?.start()
        }
        let prefetcher = downloads
        var recorder = SourceRecorder(
            transaction: transaction, run: run, processor: processor.identity, legacyNames: known.legacy.names,
            logger: logger)
        try recorder.record(plan)
        try pool.run(
            plan.references,
            // A result holds a few times its source's bytes: those waiting are held to
            // about one fetch.max_bytes of sources (README, "Hostile inputs").
            weight: { $0.bytes }, budget: config.fetch.maxBytes,
            work: { [interruption, processor] reference in
                // Once a signal has come, the sources still queued are not read: the
                // consumer stops at its next outcome.
                if interruption?.receivedSignal != nil { return SourceOutcome(reference: reference) }
                return Self.fetchAndProcess(
                    reference, known: known.sources[reference.name], legacy: known.legacy.claim(of: reference),
                    fetch: reading.fetch, downloads: prefetcher, processor: processor)
            },
            consume: { [progress, interruption] outcome in
                try interruption?.check()
                try recorder.store(outcome)
                progress?.sourceFinished(bytes: outcome.bytes, articles: outcome.articles.count)
            }
        )
        var report = recorder.report
        report.workersSeconds = workersTimer.seconds
        return report
    }

    /// Step 4: dedupe over the whole store. Returns its verdicts: store id of each duplicate →
    /// store id of its kept copy.
    private func dedupe(_ transaction: StoreTransaction) throws -> ([Int: Int], DedupeStepReport) {
        try interruption?.check()
        progress?.enter(.dedupe)
        let dedupeTimer = StageTimer()
        let fingerprints = try transaction.fingerprints()
        let outcome = try DedupeStage(config: config.dedupe).resolve(
            fingerprints, bands: config.dedupe.nearDuplicates.bands, bandKeys: transaction.forEachBandKeys
        ) { id in
            ShingleSet(sortedUnique: try transaction.shingles(ofArticle: id))
        }
        let report = DedupeStepReport(
            documents: fingerprints.count, duplicates: outcome.verdicts.count, seconds: dedupeTimer.seconds)
        return (outcome.verdicts, report)
    }

    /// Steps 5 and 6, in one pass over the store: every table, into the staging directory
    /// (documents with `duplicate_of`, their paragraphs, the kept articles' facts, `summary`
    /// and `rejects`), the kept facts folded into `summary` on the way. With more than one
    /// worker each file is encoded on a lane of its own (`TableSet`) while the store is read.
    /// Returns aggregate's report (its seconds: the folding alone) and the step's seconds.
    private func write(
        _ transaction: StoreTransaction, verdicts: [Int: Int], staging: OutputStaging, stamp: RunStamp
    ) throws -> (AggregateStepReport, Double) {
        try interruption?.check()
        progress?.enter(.writing)
        let tablesTimer = StageTimer()
        let tables = try TableSet(staging: staging, output: config.output, run: stamp, concurrent: workers > 1)
        var aggregate = AggregateStage(config: config.aggregate)
        var aggregated = AggregateStepReport()
        var aggregateNanoseconds: UInt64 = 0
        let keptIDs = try transaction.documentIDs(ofArticles: Set(verdicts.values))
        var articlesWritten = 0
        try transaction.forEachArticle { article in
            try interruption?.check()
            articlesWritten += 1
            // Rows are made on this thread and freed on the lanes' while the next are made: the
            // heaps fragment as they go, and what lies free among them is returned now and then.
            if articlesWritten % Self.articlesBetweenReleases == 0 { MallocArenas.releaseFree() }
            let record = article.record
            let documentID = record.documentID
            let duplicateOf = verdicts[article.id].flatMap { keptIDs[$0] }
            try tables.write(
                TableRows.document(record, documentID: documentID, duplicateOf: duplicateOf, firstSeenRun: article.firstSeenRun),
                to: .documents)
            for (index, paragraph) in article.paragraphs.enumerated() {
                try tables.write(TableRows.paragraph(paragraph, index: index, documentID: documentID), to: .paragraphs)
            }
            guard duplicateOf == nil else { return }
            for fact in record.facts {
                try tables.write(TableRows.fact(fact, firstSeenRun: article.firstSeenRun), to: .facts(fact.table))
            }
            let folding = DispatchTime.now().uptimeNanoseconds
            for fact in record.facts {
                aggregate.add(fact, programme: record.programme)
                aggregated.facts[fact.table.rawValue, default: 0] += 1
            }
            aggregateNanoseconds += DispatchTime.now().uptimeNanoseconds - folding
        }
        let folding = DispatchTime.now().uptimeNanoseconds
        let summary = aggregate.rows()
        aggregateNanoseconds += DispatchTime.now().uptimeNanoseconds - folding
        aggregated.summaryRows = summary.count
        aggregated.seconds = Double(aggregateNanoseconds) / 1_000_000_000
        for row in summary { try tables.write(TableRows.summary(row), to: .summary) }
        for reject in try transaction.rejects() { try tables.write(TableRows.reject(reject), to: .rejects) }
        try tables.close()
        if config.output.formats.contains(.csv) {
            try Self.writeFile(DataPackage.json(formats: config.output.formats), to: staging.path(for: OutputLayout.dataPackage))
        }
        return (aggregated, tablesTimer.seconds)
    }

    // MARK: - Step 7 and after

    /// Step 7: with a full refresh, the rebuilt store replaces the history in one rename (it
    /// is complete and committed); then the staged set becomes `current`.
    private func publish(_ staging: OutputStaging, store: String, report: RunReport) throws(RunError) {
        if fullRefresh && config.dedupe.scope == .history {
            let history = config.dedupe.storePath(outputDirectory: config.output.directory)
            do {
                try FileSystemCalls.rename(store, to: history)
            } catch {
                throw RunError.store(
                    StoreError(path: history, message: "cannot be replaced by the rebuilt \(store) (\(SystemCallError.message(for: error.code)))"))
            }
        }
        do {
            try staging.commit(name: setName(report))
        } catch {
            throw RunError.output(error)
        }
    }

    private func setName(_ report: RunReport) -> String {
        OutputLayout.runDirectory(run: report.runID, started: report.started)
    }

    /// Loads the published set into PostgreSQL; a failure leaves the files as written.
    private func load(into postgres: PostgresConfig, report: RunReport) throws(RunError) {
        let timer = StageTimer()
        let set = URL(fileURLWithPath: config.output.directory).appendingPathComponent(OutputLayout.runs)
            .appendingPathComponent(setName(report)).path
        let loaded: PostgresLoad.Report
        do {
            loaded = try PostgresLoad(config: postgres).load(set: set, setName: setName(report), run: report.stamp)
        } catch {
            throw .load(error, schema: postgres.schema)
        }
        for kept in loaded.kept {
            logger.warning(
                "earlier load kept", metadata: ["postgres.schema": "\(kept.schema)", "error.reason": "\(kept.reason)"])
        }
        logger.info(
            "tables loaded",
            metadata: [
                "postgres.schema": "\(postgres.schema)", "postgres.tables_schema": "\(loaded.tablesSchema)",
                "postgres.rows": .stringConvertible(loaded.rows),
                "postgres.seconds": .stringConvertible((timer.seconds * 1000).rounded() / 1000),
            ])
    }

    // MARK: - One source, on a worker

    /// Fetch's read of one source, then, unless its bytes and the processor are those that
    /// made its stored articles, `ArticleProcessor.process`. `known` is what the store holds
    /// under its name; `legacy`, the history it may take over.
    private static func fetchAndProcess(
        _ reference: SourceReference, known: SourceVersion?, legacy: LegacySourceClaims.Claim?, fetch: FetchStage,
        downloads: URLPrefetcher?, processor: ArticleProcessor
    ) -> SourceOutcome {
        var outcome = SourceOutcome(reference: reference)
        outcome.legacy = legacy?.legacyName
        var stored = known
        let timer = StageTimer()
        let source: SourceDocument
        do {
            switch try fetch.read(reference, downloads: downloads) {
            case .document(let document, let validators):
                source = document
                outcome.validators = validators
            case .notModified:
                // The server says the page is the one whose articles the store holds, and
                // validators were only sent for articles this processor made: they stand.
                outcome.unchanged = true
                outcome.fetchSeconds = timer.seconds
                return outcome
            }
        } catch {
            outcome.reject = error
            outcome.fetchSeconds = timer.seconds
            return outcome
        }
        outcome.bytes = source.bytes.count
        let contentHash = StableHash.hex(StableHash.value(of: source.bytes))
        outcome.contentHash = contentHash
        // The bytes the legacy name stood for: its history is this file's, changed or not as
        // what is stored for it now says.
        if let legacy, let legacyHash = legacy.source.legacyHash, legacyHash == contentHash {
            outcome.adoptsLegacy = true
            stored = legacy.source.stored
        }
        outcome.fetchSeconds = timer.seconds
        outcome.bytesUnchanged = stored?.contentHash == contentHash
        if stored?.matches(contentHash: contentHash, processor: processor.identity) == true {
            outcome.unchanged = true
            return outcome
        }
        var clock = StageClock()
        let processed = processor.process(source) { stage in clock.enter(stage) }
        clock.stop()
        outcome.cleanSeconds = clock.seconds(of: .clean)
        outcome.extractSeconds = clock.seconds(of: .extract)
        switch processed {
        case .articles(let articles): outcome.articles = articles
        case .rejected(let reject): outcome.reject = reject
        }
        return outcome
    }

    // MARK: - Helpers

    /// The store this run writes: the history's, a new one beside it for a full refresh, or
    /// a throw-away one beside the staging directory with scope "run".
    private func storePath(staging: OutputStaging) -> String {
        guard config.dedupe.scope == .history else { return staging.staging + ".run-store.sqlite" }
        let history = config.dedupe.storePath(outputDirectory: config.output.directory)
        return fullRefresh ? history + ".refresh" : history
    }

    /// Removes a store file and its SQLite companions: the throw-away store of scope "run",
    /// or a full refresh's new store that did not replace the history. No-op when `keep`.
    private static func removeStore(at path: String, unless keep: Bool) {
        guard !keep else { return }
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The latest run of the store a full refresh replaces; 0 when it is absent or cannot be
    /// read (a refresh is also how a damaged store is rebuilt).
    private static func latestRun(ofStoreAt path: String) -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        return (try? ArticleStore.latestRun(readingOnly: path)) ?? 0
    }

    /// One `stage finished` event per stage, with the counts the run has so far.
    private func log(_ stages: [StageName], of report: RunReport) {
        for stage in stages { report.logStage(stage, to: logger) }
    }

    static func writeFile(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let writer = try BufferedFileWriter(path: path)
        try writer.write(bytes)
        try writer.close()
    }
}
