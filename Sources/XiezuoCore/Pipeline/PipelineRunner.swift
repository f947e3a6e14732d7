import Foundation
import Logging

/// Runs fetch → clean → dedupe → extract → aggregate and writes the tables.
///
/// Per-source work (fetch's read, clean, extract, fingerprints) runs on `workers` Dispatch
/// workers and is a pure function of the source and the config. Extract runs on every article
/// right after clean, while the worker still holds the text; dedupe's verdict, known only once
/// every fingerprint is in, then decides whose facts are written. Results go into the article
/// store in input order while the workers run, in one transaction with the tables' writing,
/// so the tables are byte-identical for any number of workers and always match the store.
public struct PipelineRunner: Sendable {
    public let config: PipelineConfig
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

    /// `progress`, when given, is kept up to date for a progress display to poll; `interruption`,
    /// when given, stops the run at its next checkpoint once a signal has come. `workers` is
    /// clamped to 1...`maxWorkers` (the CLI refuses other values as a usage error).
    public init(
        config: PipelineConfig, workers: Int, fullRefresh: Bool = false, logger: Logger, progress: RunProgress? = nil,
        interruption: RunInterruption? = nil
    ) {
        self.config = config
        self.workers = min(max(1, workers), Self.maxWorkers)
        self.fullRefresh = fullRefresh
        self.logger = logger
        self.progress = progress
        self.interruption = interruption
    }

    /// The store this run writes: the history's, a new one beside it for a full refresh, or
    /// a throw-away one beside the staging directory with scope "run".
    private func storePath(staging: OutputStaging) -> String {
        guard config.dedupe.scope == .history else { return staging.staging + ".run-store.sqlite" }
        let history = config.dedupe.storePath(outputDirectory: config.output.directory)
        return fullRefresh ? history + ".refresh" : history
    }

    public func run() throws(RunError) -> RunReport {
        let timer = StageTimer()
        var report = RunReport()
        report.started = RunReport.timestamp()
        report.fullRefresh = fullRefresh
        report.configHash = config.hash
        report.workers = workers

        try config.checkStoreDirectory()
        try interruption?.check()
        let fetch = FetchStage(config: config.fetch)
        let planTimer = StageTimer()
        let plan: FetchPlan
        let http = LazyHTTPClient(config: config.fetch, logger: logger)
        do {
            plan = try fetch.plan(client: http.client)
        } catch {
            throw .missingInput(error)
        }
        // A source is whatever fetch receives: every file, URL and feed item planned, and every
        // feed or URL-list line that failed while planning (it is a reject of fetch).
        let sources = plan.references.count + plan.rejects.count
        report.sources = sources
        report.update(.fetch) {
            $0.recordsIn = sources
            $0.rejected += plan.rejects.count
            $0.seconds += planTimer.seconds
        }
        report.phases["plan"] = planTimer.seconds
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
            try process(plan, fetch: fetch, http: http, staging: staging, storePath: store, report: &report)
            report.seconds = timer.seconds
            do {
                try Self.writeFile(report.json(), to: staging.path(for: OutputLayout.runReport))
            } catch {
                throw RunError.output(error)
            }
            if fullRefresh && config.dedupe.scope == .history {
                // The new history is complete and committed: it replaces the old one in one
                // rename, before the tables made from it are switched to.
                let history = config.dedupe.storePath(outputDirectory: config.output.directory)
                guard rename(store, history) == 0 else {
                    throw RunError.store(
                        StoreError(path: history, message: "cannot be replaced by the rebuilt \(store) (\(String(cString: strerror(errno))))"))
                }
            }
            do {
                try staging.commit(name: setName(report))
            } catch {
                throw RunError.output(error)
            }
        } catch {
            staging.discard()
            throw error
        }
        if let postgres = config.output.postgres { try load(into: postgres, report: report) }
        logger.info("run finished", metadata: report.finishedMetadata)
        return report
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
            loaded = try PostgresLoad(config: postgres).load(set: set, setName: setName(report), run: report)
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

    /// Removes a store file and its SQLite companions: the throw-away store of scope "run",
    /// or a full refresh's new store that did not replace the history. No-op when `keep`.
    private static func removeStore(at path: String, unless keep: Bool) {
        guard !keep else { return }
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    private func process(
        _ plan: FetchPlan, fetch: FetchStage, http: LazyHTTPClient, staging: OutputStaging, storePath: String,
        report: inout RunReport
    ) throws(RunError) {
        let setupTimer = StageTimer()
        let store: ArticleStore
        let known: [String: String]
        let validators: [String: HTTPValidators]
        let extract: ExtractStage
        // Run numbers go on from the tables being replaced and, for a full refresh, from the
        // history being rebuilt.
        var firstRun = report.previousRunID + 1
        if fullRefresh && config.dedupe.scope == .history {
            firstRun = max(firstRun, Self.latestRun(ofStoreAt: config.dedupe.storePath(outputDirectory: config.output.directory)) + 1)
        }
        do {
            // A full refresh starts from an empty store; one a killed refresh left is removed.
            if fullRefresh { Self.removeStore(at: storePath, unless: false) }
            store = try ArticleStore(path: storePath)
            if config.dedupe.scope == .history, store.created, !fullRefresh {
                // A new history is worth a line: after a typo in a path, it is the only sign.
                logger.info("store created", metadata: ["store.path": "\(storePath)"])
            }
            known = try store.sourceHashes()
            // With scope "run" or a full refresh the store is new: nothing is known, so no
            // request is conditional.
            validators = plan.downloads.isEmpty ? [:] : try store.validators()
        } catch {
            throw .store(error)
        }
        do {
            extract = ExtractStage(config: config.extract, gazetteer: try Self.gazetteer(), programmes: try Self.programmes())
        } catch {
            throw .output(error)
        }
        let clean: CleanStage
        do {
            clean = try CleanStage.prepared(config: config.clean)
        } catch {
            throw .setup(error)
        }
        let parameters = config.dedupe.nearDuplicates
        report.phases["setup"] = setupTimer.seconds

        let pool = OrderedWorkerPool(workers: workers)
        progress?.planned(plan.references)
        var downloads: URLPrefetcher?
        if !plan.downloads.isEmpty {
            // Bodies downloaded and not yet taken: one per connection and one per worker.
            let window = config.fetch.http.maxConnections + workers
            downloads = URLPrefetcher(client: http.client, plan: plan, validators: validators, window: window)
            downloads?.start()
        }
        let prefetcher = downloads
        var written = report
        do {
            try store.transaction { transaction in
                let workersTimer = StageTimer()
                written.runID = try transaction.beginRun(
                    configHash: written.configHash, sources: written.sources, atLeast: firstRun, version: written.version,
                    started: written.started)
                var state = ConsumerState(transaction: transaction, run: written.runID, logger: logger)
                try state.record(plan)
                // Each source's outcome goes into the store, in input order, while later sources are
                // still being read, cleaned and extracted.
                try pool.run(
                    plan.references,
                    // A result holds a few times its source's bytes: those waiting are held to
                    // about one fetch.max_bytes of sources (README, "Hostile inputs").
                    weight: { $0.bytes }, budget: config.fetch.maxBytes,
                    work: { [interruption] reference in
                        // Once a signal has come, the sources still queued are not read: the
                        // consumer stops at its next outcome.
                        if interruption?.receivedSignal != nil { return SourceOutcome(reference: reference) }
                        return Self.perSource(
                            reference, knownHash: known[reference.name], fetch: fetch, downloads: prefetcher,
                            clean: clean, extract: extract, parameters: parameters)
                    },
                    consume: { [progress, interruption] outcome in
                        try interruption?.check()
                        try state.consume(outcome)
                        progress?.sourceFinished(bytes: outcome.bytes, articles: outcome.articles.count)
                    }
                )
                state.finish(into: &written)
                written.phases["workers"] = workersTimer.seconds
                written.phases["store"] = state.storeSeconds
                for stage in [StageName.fetch, .clean, .extract] { written.logStage(stage, to: logger) }
                try writeTables(from: transaction, staging: staging, report: &written)
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

    /// dedupe over the whole store, then documents, paragraphs, facts, summary and rejects from it.
    private func writeTables(from transaction: StoreTransaction, staging: OutputStaging, report: inout RunReport) throws {
        try interruption?.check()
        progress?.enter(.dedupe)
        let dedupeTimer = StageTimer()
        let fingerprints = try transaction.fingerprints()
        let outcome = try DedupeStage(config: config.dedupe).resolve(
            fingerprints, bands: config.dedupe.nearDuplicates.bands, bandKeys: transaction.forEachBandKeys
        ) { id in
            ShingleSet(sortedUnique: try transaction.shingles(ofArticle: id))
        }
        report.documents = fingerprints.count
        report.duplicates = outcome.verdicts.count
        report.update(.dedupe) {
            $0.recordsIn = fingerprints.count
            $0.duplicates = outcome.verdicts.count
            $0.recordsOut = fingerprints.count - outcome.verdicts.count
            $0.seconds = dedupeTimer.seconds
        }
        report.phases["dedupe"] = dedupeTimer.seconds
        report.logStage(.dedupe, to: logger)
        progress?.enter(.writing)

        let aggregateTimer = StageTimer()
        var aggregate = AggregateStage(config: config.aggregate)
        let tables = try TableSet(
            staging: staging, output: config.output,
            run: XlsxRunStamp(runID: report.runID, started: report.started, version: report.version))
        var factsIn = 0
        var facts = report.facts.mapValues { _ in 0 }
        let keptIDs = try transaction.documentIDs(ofArticles: Set(outcome.verdicts.values))
        try interruption?.check()
        try transaction.forEachArticle { id, record, paragraphs in
            try interruption?.check()
            let duplicateOf = outcome.verdicts[id].flatMap { keptIDs[$0] }
            try tables.write(TableRows.document(record, duplicateOf: duplicateOf), to: .documents)
            for (index, paragraph) in paragraphs.enumerated() {
                try tables.write(TableRows.paragraph(paragraph, index: index, of: record), to: .paragraphs)
            }
            guard duplicateOf == nil else { return }
            for fact in record.facts {
                try tables.write(TableRows.fact(fact, firstSeenRun: record.firstSeenRun), to: .facts(fact.table))
                aggregate.add(fact)
                facts[fact.table.rawValue, default: 0] += 1
                factsIn += 1
            }
        }
        report.facts = facts
        let summary = aggregate.rows()
        report.summaryRows = summary.count
        for row in summary { try tables.write(TableRows.summary(row), to: .summary) }
        for reject in try transaction.rejects() { try tables.write(TableRows.reject(reject), to: .rejects) }
        try tables.close()
        if config.output.formats.contains(.csv) {
            try Self.writeFile(DataPackage.json(formats: config.output.formats), to: staging.path(for: OutputLayout.dataPackage))
        }
        report.update(.aggregate) {
            // Every kept fact is folded into one summary group; `summary_rows` counts the groups.
            $0.recordsIn = factsIn
            $0.recordsOut = factsIn
            $0.seconds = aggregateTimer.seconds
        }
        report.phases["tables"] = aggregateTimer.seconds
        report.logStage(.aggregate, to: logger)
    }

    /// fetch's read, clean, extract and fingerprints for one source, on a worker.
    private static func perSource(
        _ reference: SourceReference, knownHash: String?, fetch: FetchStage, downloads: URLPrefetcher?, clean: CleanStage,
        extract: ExtractStage, parameters: NearDuplicateParameters
    ) -> SourceOutcome {
        var outcome = SourceOutcome(reference: reference)
        var timer = StageTimer()
        let source: SourceDocument
        do {
            switch try fetch.read(reference, downloads: downloads) {
            case .document(let document, let validators):
                source = document
                outcome.validators = validators
            case .notModified:
                // The server says the page is the one the store holds articles of: as for an
                // unchanged file, those articles stand.
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
        outcome.contentHash = StableHash.hex(StableHash.value(of: source.bytes))
        outcome.fetchSeconds = timer.seconds
        if outcome.contentHash == knownHash {
            outcome.unchanged = true
            return outcome
        }
        timer = StageTimer()
        let articles: [Article]
        do {
            articles = try clean.articles(from: source)
        } catch {
            outcome.reject = error
            outcome.cleanSeconds = timer.seconds
            return outcome
        }
        outcome.cleanSeconds = timer.seconds
        timer = StageTimer()
        for article in articles {
            let position = ArticlePosition(ordinal: reference.ordinal, part: article.part)
            let extraction = extract.extraction(of: article)
            let record = ArticleRecord(
                article: article, position: position, facts: extraction.facts, programme: extraction.programmeColumn)
            outcome.articles.append(
                ProcessedArticle(
                    record: record, paragraphs: ArticleParagraph.paragraphs(of: article),
                    fingerprint: ArticleFingerprint(article: article, facts: extraction.facts, parameters: parameters))
            )
        }
        outcome.extractSeconds = timer.seconds
        return outcome
    }

    /// The latest run of the store a full refresh replaces; 0 when it is absent or cannot be
    /// read (a refresh is also how a damaged store is rebuilt).
    private static func latestRun(ofStoreAt path: String) -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        return (try? ArticleStore.latestRun(readingOnly: path)) ?? 0
    }

    private static func gazetteer() throws(OutputError) -> Gazetteer {
        do {
            return try Gazetteer.bundled()
        } catch {
            throw OutputError(path: "regions.csv", message: "the bundled gazetteer cannot be loaded: \(error)")
        }
    }

    private static func programmes() throws(OutputError) -> ProgrammeVocabulary {
        do {
            return try ProgrammeVocabulary.bundled()
        } catch {
            throw OutputError(path: "programmes.csv", message: "the bundled programme vocabulary cannot be loaded: \(error)")
        }
    }

    static func writeFile(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let writer = try BufferedFileWriter(path: path)
        try writer.write(bytes)
        try writer.close()
    }
}
