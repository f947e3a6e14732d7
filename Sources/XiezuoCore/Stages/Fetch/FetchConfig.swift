/// `fetch`: where the articles come from.
public struct FetchConfig: Sendable, Equatable {
    /// Files or directories (read recursively, in name order), URLs, URL lists and feeds, in
    /// the order they are processed. Relative paths are relative to `pipeline.json`.
    public var sources: [FetchSource] = [.path("seeds")]
    /// A larger file or HTTP response is rejected instead of read.
    public var maxBytes: Int = 64 * 1024 * 1024
    /// The largest `max_bytes` accepted (4 GiB): no news page comes near it, and a source is
    /// held in memory several times over while it is cleaned.
    static let maxBytesLimit = 1 << 32
    /// How URL and feed sources are downloaded.
    public var http = HTTPConfig()

    public init(sources: [FetchSource] = [.path("seeds")], maxBytes: Int = 64 * 1024 * 1024, http: HTTPConfig = HTTPConfig()) {
        self.sources = sources
        self.maxBytes = maxBytes
        self.http = http
    }

    func problems(at path: String) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        if sources.isEmpty {
            problems.append(ConfigProblem(path: "\(path).sources", message: "list at least one file, directory, URL or feed"))
        }
        for (index, source) in sources.enumerated() {
            problems += source.problems(at: "\(path).sources[\(index)]")
        }
        if maxBytes < 1 {
            problems.append(ConfigProblem(path: "\(path).max_bytes", message: "must be at least 1"))
        } else if maxBytes > Self.maxBytesLimit {
            problems.append(ConfigProblem(path: "\(path).max_bytes", message: "must be at most \(Self.maxBytesLimit) (4 GiB)"))
        }
        return problems + http.problems(at: "\(path).http")
    }
}

extension FetchConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case sources
        case maxBytes = "max_bytes"
        case http
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        let defaults = FetchConfig()
        sources = try container.value(.sources, default: defaults.sources)
        maxBytes = try container.value(.maxBytes, default: defaults.maxBytes)
        http = try container.value(.http, default: defaults.http)
    }
}
