extension PostgresConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case connection, schema
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        connection = try container.decode(String.self, forKey: .connection)
        schema = try container.value(.schema, default: "xiezuo")
    }
}
