import Foundation
import Logging

/// What `xiezuo run` would do with a configuration: the sources it would read, the stages
/// as configured, and every path it would write. Making the plan reads the source listing,
/// file sizes, URL files and feeds (to list their articles); it takes no lock and creates nothing.
public struct RunPlan: Sendable {
    public struct PlannedSource: Sendable, Equatable {
        public var reference: SourceReference
        /// nil for a URL, or a file that cannot be sized now (reading it will be a reject).
        public var bytes: Int?
        /// The file's path or the URL.
        public var location: String
    }

    public struct PlannedStage: Sendable, Equatable {
        public var stage: StageName
        /// The settings that shape it.
        public var detail: String
    }

    public var configHash: String
    /// The `ArticleProcessor`'s identity (`run.json`'s `processor`).
    public var processor: String
    /// Where the rule tables were read from.
    public var resources: String
    public var workers: Int
    public var sources: [PlannedSource]
    /// Sources that failed while planning: a feed that cannot be downloaded, a line that is no URL.
    public var rejects: [Reject]
    /// In pipeline order.
    public var stages: [PlannedStage]
    /// The article store, or nil with scope "run" (a throw-away store inside the staging directory).
    public var store: String?
    public var lock: String
    public var outputDirectory: String
    /// Files written, relative to the output directory, as readers find them (through `current`).
    public var outputs: [String]
    /// Where each run's tables are loaded (`output.postgres`), nil when they are not.
    public var postgres: PostgresConfig?

    /// The plan for `config`; throws what the run would throw, in the order it would, before
    /// it locks or opens anything: a `dedupe.store` directory that does not exist, per-article
    /// processing that cannot start (the same setup as the run's), a missing input (exit 2 each).
    public init(config: PipelineConfig, workers: Int, logger: Logger) throws(RunError) {
        try config.checkStoreDirectory()
        let processor: ArticleProcessor
        do {
            processor = try ArticleProcessor(config: config)
        } catch {
            throw .setup(error)
        }
        let plan: FetchPlan
        do {
            plan = try FetchStage(config: config.fetch).plan(client: LazyHTTPClient(config: config.fetch, logger: logger).client)
        } catch {
            throw .missingInput(error)
        }
        let references = plan.references
        rejects = plan.rejects
        self.processor = processor.identity
        resources = processor.resources
        configHash = config.hash
        self.workers = min(max(1, workers), PipelineRunner.maxWorkers)
        sources = references.map { reference in
            PlannedSource(reference: reference, bytes: reference.plannedSize, location: reference.locationText)
        }
        let dedupe = config.dedupe
        // In the order the run takes them: fetch, clean and extract per source, then the global steps.
        let details: [(StageName, String)] = [
            (.fetch, "\(references.count) sources; larger than \(config.fetch.maxBytes) bytes are rejected"),
            (.clean, "OpenCC \(config.clean.openCCConfig) for Traditional articles; fragments under \(config.clean.minArticleChars) characters dropped"),
            (.extract, "tables " + config.extract.tables.map(\.rawValue).joined(separator: ", ")),
            (
                .dedupe,
                dedupe.enabled
                    ? "scope \(dedupe.scope.rawValue); near-duplicates at Jaccard ≥ \(dedupe.nearDuplicates.threshold), "
                        + "or containment ≥ \(dedupe.nearDuplicates.threshold / 2) where their figures corroborate each other"
                    : "disabled: every copy kept"
            ),
            (.aggregate, "summary grouped by " + config.aggregate.groupBy.map(\.rawValue).joined(separator: ", ")),
        ]
        stages = details.map { PlannedStage(stage: $0.0, detail: $0.1) }
        store = dedupe.scope == .history ? dedupe.storePath(outputDirectory: config.output.directory) : nil
        lock = config.runLockPath
        outputDirectory = config.output.directory
        var outputs: [String] = []
        for path in TableSchema.all.flatMap({ schema in config.output.formats.map { OutputLayout.path(of: schema.name, in: $0) } })
        where !outputs.contains("\(OutputLayout.current)/\(path)") {
            outputs.append("\(OutputLayout.current)/\(path)")
        }
        if config.output.formats.contains(.csv) { outputs.append("\(OutputLayout.current)/\(OutputLayout.dataPackage)") }
        outputs.append("\(OutputLayout.current)/\(OutputLayout.runReport)")
        self.outputs = outputs
        postgres = config.output.postgres
    }

    /// The plan for a person: one section per line, indented details.
    public var text: String {
        var lines = ["xiezuo run --dry-run: nothing is locked or written"]
        lines.append("config hash  \(configHash)")
        lines.append("processor    \(processor) (rules \(ArticleProcessor.rulesVersion), tables in \(resources))")
        lines.append("workers      \(workers)")
        let sized = sources.compactMap(\.bytes)
        lines.append("sources      \(sources.count) (\(sized.reduce(0, +)) bytes)")
        for source in sources {
            let size = source.bytes.map { "\($0) bytes" } ?? "size unknown"
            lines.append("  \(source.reference.name)  \(size)  \(source.location)")
        }
        for reject in rejects { lines.append("  rejected while planning: \(reject.source): \(reject.reason)") }
        lines.append("stages       " + stages.map(\.stage.rawValue).joined(separator: " → "))
        for planned in stages {
            lines.append("  " + planned.stage.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + planned.detail)
        }
        if let store {
            let state = FileManager.default.fileExists(atPath: store) ? "exists" : "would be created"
            lines.append("store        \(store) (\(state))")
        } else {
            lines.append("store        none (dedupe.scope \"run\")")
        }
        lines.append("lock         \(lock)")
        lines.append("outputs      \(outputDirectory)")
        for name in outputs { lines.append("  \(name)") }
        if let postgres {
            // Named, not connected to: the dry run opens nothing.
            lines.append("postgres     \(postgres.connection) (schema \(postgres.schema); each run loaded into a schema of its own, then the views repointed)")
        } else {
            lines.append("postgres     none (output.postgres not set)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
