/// Per-article processing: one source's bytes in, its articles out — cleaned, with their
/// facts, paragraphs and dedupe fingerprints — or the reject that says why it gave none.
///
/// Built once from a `PipelineConfig`: all setup (the rule tables read and checked, OpenCC
/// opened) happens in `init`, with a `ProcessorSetupError` naming what is wrong. `process` is
/// then a pure function of the source and the configuration: it touches no file, store,
/// clock, logger or global state, and the same source gives the same result on any thread, in
/// any order, on any machine. The pipeline's workers, the fuzz target and `xiezuo map` all
/// call it; everything global — the store, dedupe, aggregate, the tables — happens outside.
///
/// Within `process`: clean (decode, extract the page's text, drop page furniture, split into
/// articles, read titles and dates, OpenCC, spam and de-spinning), then for each article
/// extract (programmes and facts), its paragraphs and its fingerprint.
public struct ArticleProcessor: Sendable {
    /// The version of xiezuo's per-article rules: raise it with every change to clean,
    /// extract or fingerprinting that changes what they make of an article, so that the
    /// sources stored by earlier rules are processed again (README, "After an upgrade").
    /// `ArticleProcessorTests` records what the rules make of the seeds and the development
    /// set, and fails until the version is raised when that changes.
    public static let rulesVersion = 1

    /// What makes this processor's output (16 hex digits): a hash of `rulesVersion`, the
    /// `clean` and `extract` settings, the fingerprints' parameters and the rule tables'
    /// bytes. Two processors with one identity make the same articles of the same bytes; the
    /// store keeps it per source, and a source is unchanged only when its bytes and this are.
    /// Settings that act only on the whole run (`fetch`, `dedupe.scope`, `dedupe.enabled`, the
    /// threshold, `aggregate`, `output`) are not part of it.
    public let identity: String
    /// Where the rule tables were read from.
    public let resources: String
    private let clean: CleanStage
    private let extract: ExtractStage
    private let fingerprints: NearDuplicateParameters

    /// Reads the rule tables (those of `config.resources`, else the built-in ones) and opens
    /// OpenCC.
    public init(config: PipelineConfig) throws(ProcessorSetupError) {
        try self.init(config: config, resources: ProcessorResources.load(directory: config.resources.isEmpty ? nil : config.resources))
    }

    public init(config: PipelineConfig, resources: ProcessorResources) throws(ProcessorSetupError) {
        clean = CleanStage(config: config.clean, despinTable: resources.despinTable, openCCSinglePass: resources.openCCSinglePass)
        // OpenCC loads its dictionaries on another thread while this one describes the settings
        // for the identity: the two are most of what is left of setup once the tables are read.
        let stage = clean
        let prepared = BackgroundValue { Result { () throws(CleanSetupError) in try stage.prepare() } }
        identity = Self.identity(config: config, resources: resources)
        do {
            try prepared.value.get()
        } catch {
            throw ProcessorSetupError(
                code: .openCCUnavailable, stage: .clean, path: error.location,
                problem: error.cause.map(CleanSetupError.openCCProblem) ?? error.message, remedy: CleanSetupError.openCCRemedy,
                cause: error)
        }
        extract = ExtractStage(config: config.extract, gazetteer: resources.gazetteer, programmes: resources.programmes)
        fingerprints = config.dedupe.nearDuplicates
        self.resources = resources.directory
    }

    /// Everything per-article of `source`. `stageStarted` is told when clean and then extract
    /// begin, for a caller that times them; it has no say in the result.
    public func process(_ source: SourceDocument, stageStarted: (StageName) -> Void = { _ in }) -> ProcessedSource {
        stageStarted(.clean)
        let articles: [Article]
        do {
            articles = try clean.articles(from: source)
        } catch {
            return .rejected(error)
        }
        stageStarted(.extract)
        return .articles(
            articles.map { article in
                let extraction = extract.extraction(of: article)
                return ProcessedArticle(
                    record: ArticleRecord(article: article, facts: extraction.facts, programme: extraction.programmeColumn),
                    paragraphs: ArticleParagraph.paragraphs(of: article),
                    fingerprint: ArticleFingerprint(article: article, facts: extraction.facts, parameters: fingerprints))
            })
    }

    private static func identity(config: PipelineConfig, resources: ProcessorResources) -> String {
        let parameters = config.dedupe.nearDuplicates
        let made = [
            "rules \(rulesVersion)",
            "clean \(String(describing: config.clean))",
            "extract \(String(describing: config.extract))",
            "fingerprints shingle_size \(parameters.shingleSize) permutations \(parameters.permutations) bands \(parameters.bands)",
            "resources \(resources.contentHash)",
        ]
        return StableHash.hex(of: made.joined(separator: "\n"))
    }
}
