import Foundation

/// The whole of `pipeline.json`: one section per stage plus the output. Every section and
/// key is optional; what is absent takes the default documented in the README.
public struct PipelineConfig: Sendable, Equatable {
    public var fetch: FetchConfig
    public var clean: CleanConfig
    public var dedupe: DedupeConfig
    public var extract: ExtractConfig
    public var aggregate: AggregateConfig
    public var output: OutputConfig
    /// `resources`: a directory holding xiezuo's rule tables (regions.csv, programmes.csv,
    /// despin.csv, opencc/…) to read instead of those built in; empty for the built-in ones.
    /// Relative to `pipeline.json`. See `ProcessorResources`.
    public var resources: String

    public init(
        fetch: FetchConfig = FetchConfig(), clean: CleanConfig = CleanConfig(), dedupe: DedupeConfig = DedupeConfig(),
        extract: ExtractConfig = ExtractConfig(), aggregate: AggregateConfig = AggregateConfig(),
        output: OutputConfig = OutputConfig(), resources: String = ""
    ) {
        self.fetch = fetch
        self.clean = clean
        self.dedupe = dedupe
        self.extract = extract
        self.aggregate = aggregate
        self.output = output
        self.resources = resources
    }

    /// Every problem beyond types and key names, each with its key path.
    public func problems() -> [ConfigProblem] {
        fetch.problems(at: "fetch") + clean.problems(at: "clean") + dedupe.problems(at: "dedupe")
            + extract.problems(at: "extract") + aggregate.problems(at: "aggregate") + output.problems(at: "output")
    }
}

extension PipelineConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case fetch, clean, dedupe, extract, aggregate, output, resources
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        fetch = try container.value(.fetch, default: FetchConfig())
        clean = try container.value(.clean, default: CleanConfig())
        dedupe = try container.value(.dedupe, default: DedupeConfig())
        extract = try container.value(.extract, default: ExtractConfig())
        aggregate = try container.value(.aggregate, default: AggregateConfig())
        output = try container.value(.output, default: OutputConfig())
        resources = try container.value(.resources, default: "")
    }
}

extension PipelineConfig {
    /// Decodes and validates JSON text; `file` names it in errors, which list every problem:
    /// text that is not JSON (RFC 8259, with line and column; decoding cannot go past it), keys
    /// written twice, then every key of the wrong type, unknown, or out of range.
    public static func decode(_ data: Data, file: String) throws(ConfigError) -> PipelineConfig {
        let document: StrictJSONParser.Document
        do {
            document = try StrictJSONParser.parse([UInt8](data))
        } catch {
            throw ConfigError(file: file, problems: [ConfigProblem(path: "", message: "not valid JSON at \(error)")])
        }
        var problems = document.duplicates.map { duplicate in
            ConfigProblem(
                path: ConfigProblem.path(duplicate.path),
                message: "written twice, at \(duplicate.first) and at \(duplicate.second); readers disagree on which one counts: keep one"
            )
        }
        let collector = ConfigProblemCollector()
        let decoded: PipelineConfig
        do {
            decoded = try ConfigProblemCollector.$current.withValue(collector) {
                try PipelineConfig(from: JSONNodeDecoder(node: document.root, codingPath: []))
            }
        } catch {
            throw ConfigError(file: file, problems: problems + collector.problems + [ConfigError.problem(from: error)])
        }
        problems += collector.problems + decoded.problems()
        guard problems.isEmpty else { throw ConfigError(file: file, problems: problems) }
        return decoded
    }

    /// Loads `path`. Relative paths inside the file (sources, output directory, store) are resolved
    /// against the file's own directory, so a cron job can run from anywhere; file sources are
    /// named relative to it too.
    public static func load(path: String) throws(ConfigError) -> PipelineConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason =
                FileManager.default.fileExists(atPath: path)
                ? "cannot be read; check its permissions" : "does not exist; pass --config with the path of pipeline.json"
            throw ConfigError(file: path, problems: [ConfigProblem(path: "", message: "the file \(reason)")])
        }
        var config = try decode(data, file: path)
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        config.fetch.sources = config.fetch.sources.map { $0.resolvingPaths(against: base) }
        config.fetch.namesRelativeTo = base
        config.output.directory = PathResolution.resolve(config.output.directory, against: base)
        if !config.dedupe.store.isEmpty { config.dedupe.store = PathResolution.resolve(config.dedupe.store, against: base) }
        if !config.resources.isEmpty { config.resources = PathResolution.resolve(config.resources, against: base) }
        return config
    }

    /// SHA-free, stable fingerprint of the effective configuration, for `run.json`.
    public var hash: String {
        StableHash.hex(of: String(describing: self))
    }
}
