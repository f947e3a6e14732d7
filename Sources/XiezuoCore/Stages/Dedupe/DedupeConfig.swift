/// `dedupe`: which republished copies of an article are dropped.
public struct DedupeConfig: Sendable, Equatable {
    /// When false every article is kept, duplicates included.
    public var enabled: Bool = true
    public var scope: DedupeScope = .history
    /// The SQLite store of every article read (scope "history"). Relative to pipeline.json;
    /// empty means `store.sqlite` inside the output directory.
    public var store: String = ""
    /// MinHash near-duplicate detection: n-gram size, permutations, LSH bands, Jaccard threshold.
    public var nearDuplicates = NearDuplicateParameters()

    public init(enabled: Bool = true, scope: DedupeScope = .history, store: String = "", nearDuplicates: NearDuplicateParameters = NearDuplicateParameters()) {
        self.enabled = enabled
        self.scope = scope
        self.store = store
        self.nearDuplicates = nearDuplicates
    }

    /// The store's path once the output directory is known.
    public func storePath(outputDirectory: String) -> String {
        store.isEmpty ? PathResolution.resolve("store.sqlite", against: outputDirectory) : store
    }

    func problems(at path: String) -> [ConfigProblem] {
        nearDuplicates.problems(at: path)
    }
}

extension DedupeConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled, scope, store
        case shingleSize = "shingle_size"
        case permutations, bands, threshold
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        let defaults = DedupeConfig()
        enabled = try container.value(.enabled, default: defaults.enabled)
        scope = try container.choice(.scope, default: defaults.scope)
        store = try container.value(.store, default: defaults.store)
        nearDuplicates = NearDuplicateParameters(
            shingleSize: try container.value(.shingleSize, default: defaults.nearDuplicates.shingleSize),
            permutations: try container.value(.permutations, default: defaults.nearDuplicates.permutations),
            bands: try container.value(.bands, default: defaults.nearDuplicates.bands),
            threshold: try container.value(.threshold, default: defaults.nearDuplicates.threshold)
        )
    }
}
