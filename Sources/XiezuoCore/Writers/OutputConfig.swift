/// `output`: where and how the tables are written.
public struct OutputConfig: Sendable, Equatable {
    /// Relative to `pipeline.json`.
    public var directory: String = "output"

    public init(directory: String = "output") {
        self.directory = directory
    }

    func problems(at path: String) -> [ConfigProblem] {
        directory.isEmpty ? [ConfigProblem(path: "\(path).directory", message: "an empty path; name a directory")] : []
    }
}

extension OutputConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case directory
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        directory = try container.value(.directory, default: "output")
    }
}
