/// `extract`: which facts are taken from the cleaned articles.
public struct ExtractConfig: Sendable, Equatable {
    /// The fact tables to fill; the others are written with their header only.
    public var tables: [FactTable] = FactTable.allCases
    /// An article that names no cooperation programme (a general news page a feed brought in)
    /// gives no facts; it is still a row of `documents`, with an empty programme.
    public var requireProgramme = true

    public init(tables: [FactTable] = FactTable.allCases, requireProgramme: Bool = true) {
        self.tables = tables
        self.requireProgramme = requireProgramme
    }

    func problems(at path: String) -> [ConfigProblem] {
        Set(tables).count == tables.count
            ? [] : [ConfigProblem(path: "\(path).tables", message: "names a table twice; list each once")]
    }
}

extension ExtractConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case tables
        case requireProgramme = "require_programme"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        tables = try container.choices(.tables, default: FactTable.allCases)
        requireProgramme = try container.value(.requireProgramme, default: true)
    }
}
