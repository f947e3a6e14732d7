/// `fetch`: where the articles come from.
public struct FetchConfig: Sendable, Equatable {
    /// Files or directories (read recursively, in name order). Relative to `pipeline.json`.
    public var sources: [String] = ["seeds"]
    /// A file larger than this is rejected instead of read.
    public var maxBytes: Int = 64 * 1024 * 1024

    public init(sources: [String] = ["seeds"], maxBytes: Int = 64 * 1024 * 1024) {
        self.sources = sources
        self.maxBytes = maxBytes
    }

    func problems(at path: String) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        if sources.isEmpty {
            problems.append(ConfigProblem(path: "\(path).sources", message: "list at least one file or directory"))
        }
        for (index, source) in sources.enumerated() where source.isEmpty {
            problems.append(ConfigProblem(path: "\(path).sources[\(index)]", message: "an empty path; remove it"))
        }
        if maxBytes < 1 {
            problems.append(ConfigProblem(path: "\(path).max_bytes", message: "must be at least 1"))
        }
        return problems
    }
}

extension FetchConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case sources
        case maxBytes = "max_bytes"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        let defaults = FetchConfig()
        sources = try container.value(.sources, default: defaults.sources)
        maxBytes = try container.value(.maxBytes, default: defaults.maxBytes)
    }
}
