import Foundation
import Logging

/// Runs fetch → clean → dedupe → extract → aggregate and writes the tables.
///
/// Per-source work (fetch's read, clean, extract) runs on `workers` Dispatch workers and is a
/// pure function of the source and the config. Extract runs on every article right after
/// clean, while the worker still holds the text; dedupe's verdict, known only once every
/// fingerprint is in, then decides whose facts are written. Results pass through a spool
/// file in input order, so the tables are byte-identical for any number of workers.
public struct PipelineRunner: Sendable {
    public let config: PipelineConfig
    public let workers: Int
    private let logger: Logger

    public init(config: PipelineConfig, workers: Int, logger: Logger) {
        self.config = config
        self.workers = max(1, workers)
        self.logger = logger
    }

    public func run() throws(RunError) -> RunReport {
        let timer = StageTimer()
        var report = RunReport()
        report.configHash = config.hash
        report.workers = workers

        let fetch = FetchStage(config: config.fetch)
        let planTimer = StageTimer()
        let plan: [SourceReference]
        do {
            plan = try fetch.plan()
        } catch {
            throw .missingInput(error)
        }
        report.sources = plan.count
        report.update(.fetch) { $0.recordsIn = plan.count; $0.seconds += planTimer.seconds }
        logger.info("run started", metadata: ["run.sources": "\(plan.count)", "run.workers": "\(workers)"])

        do throws(OutputError) {
            let staging = try OutputStaging(directory: config.output.directory)
            do throws(OutputError) {
                try process(plan, fetch: fetch, staging: staging, report: &report)
                report.seconds = timer.seconds
                try Self.writeFile(report.json(), to: staging.path(for: "run.json"))
                try staging.commit()
            } catch {
                staging.discard()
                throw error
            }
        } catch {
            throw .output(error)
        }
        logger.info("run finished", metadata: ["run.articles": "\(report.articles)", "run.rejects": "\(report.rejects)"])
        return report
    }

    private func process(
        _ plan: [SourceReference], fetch: FetchStage, staging: OutputStaging, report: inout RunReport
    ) throws(OutputError) {
        let spool = try Spool(path: staging.path(for: ".articles.spool"))
        let state = ConsumerState(spool: spool, dedupe: DedupeStage(config: config.dedupe))
        let clean = CleanStage(config: config.clean)
        let extract = ExtractStage(config: config.extract, gazetteer: try Self.gazetteer())
        OrderedWorkerPool(workers: workers).run(
            plan,
            work: { reference in Self.perSource(reference, fetch: fetch, clean: clean, extract: extract) },
            consume: { outcome in state.consume(outcome) }
        )
        try spool.finishWriting()
        try state.finish(into: &report, logger: logger)

        let dedupeTimer = StageTimer()
        let verdicts = state.dedupe.verdicts()
        let articles = report.articles
        report.update(.dedupe) {
            $0.recordsIn = articles
            $0.duplicates = verdicts.count
            $0.recordsOut = articles - verdicts.count
            $0.seconds = dedupeTimer.seconds
        }
        report.duplicates = verdicts.count

        let aggregateTimer = StageTimer()
        var aggregate = AggregateStage(config: config.aggregate)
        let tables = try TableSet(staging: staging, output: config.output)
        var factsIn = 0
        try spool.forEach { record throws(OutputError) in
            let duplicateOf = verdicts[record.position]
            try tables.write(TableRows.document(record, duplicateOf: duplicateOf), to: .documents)
            guard duplicateOf == nil else { return }
            for fact in record.facts {
                try tables.write(TableRows.fact(fact), to: .facts(fact.table))
                aggregate.add(fact)
                report.facts[fact.table.rawValue, default: 0] += 1
                factsIn += 1
            }
        }
        let summary = aggregate.rows()
        for row in summary { try tables.write(TableRows.summary(row), to: .summary) }
        for reject in state.rejects { try tables.write(TableRows.reject(reject), to: .rejects) }
        try tables.close()
        if config.output.formats.contains(.csv) {
            try Self.writeFile(DataPackage.json(formats: config.output.formats), to: staging.path(for: "datapackage.json"))
        }
        try? FileManager.default.removeItem(atPath: spool.path)
        report.update(.aggregate) {
            $0.recordsIn = factsIn
            $0.recordsOut = summary.count
            $0.seconds = aggregateTimer.seconds
        }
    }

    /// fetch's read, clean and extract for one source, on a worker.
    private static func perSource(
        _ reference: SourceReference, fetch: FetchStage, clean: CleanStage, extract: ExtractStage
    ) -> SourceOutcome {
        var outcome = SourceOutcome(reference: reference, bytes: 0)
        var timer = StageTimer()
        let source: SourceDocument
        do {
            source = try fetch.read(reference)
        } catch {
            outcome.reject = error
            outcome.fetchSeconds = timer.seconds
            return outcome
        }
        outcome.bytes = source.bytes.count
        outcome.fetchSeconds = timer.seconds
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
            outcome.records.append(ArticleRecord(article: article, position: position, facts: extract.facts(in: article)))
            outcome.fingerprints.append(ArticleFingerprint(article: article, position: position))
        }
        outcome.extractSeconds = timer.seconds
        return outcome
    }

    private static func gazetteer() throws(OutputError) -> Gazetteer {
        do {
            return try Gazetteer.bundled()
        } catch {
            throw OutputError(path: "regions.csv", message: "the bundled gazetteer cannot be loaded: \(error)")
        }
    }

    static func writeFile(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let writer = try BufferedFileWriter(path: path)
        try writer.write(bytes)
        try writer.close()
    }
}
