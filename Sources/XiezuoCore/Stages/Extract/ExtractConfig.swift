/// `extract`: which facts are taken from the cleaned articles.
public struct ExtractConfig: Sendable, Equatable {
    /// The fact tables to fill; the others are written with their header only.
    public var tables: [FactTable] = FactTable.allCases

    public init(tables: [FactTable] = FactTable.allCases) {
        self.tables = tables
    }

    func problems(at path: String) -> [ConfigProblem] {
        Set(tables).count == tables.count
            ? [] : [ConfigProblem(path: "\(path).tables", message: "names a table twice; list each once")]
    }
}

extension ExtractConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case tables
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        tables = try container.choices(.tables, default: FactTable.allCases)
    }
}
