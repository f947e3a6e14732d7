/// `aggregate`: how `summary` groups the facts.
public struct AggregateConfig: Sendable, Equatable {
    /// Columns a summary group is keyed by; a column left out is empty in `summary` (= all).
    public var groupBy: [GroupColumn] = Self.defaultGroupBy

    /// What analysts ask first: each category's figures per year and province.
    public static let defaultGroupBy: [GroupColumn] = [.category, .year, .province]

    public enum GroupColumn: String, Sendable, CaseIterable, Equatable {
        case category, year, province, city, county, region
        case partnerRegion = "partner_region"
        case programme
    }

    public init(groupBy: [GroupColumn] = Self.defaultGroupBy) {
        self.groupBy = groupBy
    }

    func problems(at path: String) -> [ConfigProblem] {
        Set(groupBy).count == groupBy.count
            ? [] : [ConfigProblem(path: "\(path).group_by", message: "names a column twice; list each once")]
    }
}

extension AggregateConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case groupBy = "group_by"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        groupBy = try container.choices(.groupBy, default: Self.defaultGroupBy)
    }
}
