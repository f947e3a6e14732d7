/// `dedupe`: which republished copies of an article are dropped.
public struct DedupeConfig: Sendable, Equatable {
    /// When false every article is kept, duplicates included.
    public var enabled: Bool = true

    public init(enabled: Bool = true) {
        self.enabled = enabled
    }

    func problems(at path: String) -> [ConfigProblem] { [] }
}

extension DedupeConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        enabled = try container.value(.enabled, default: true)
    }
}
