/// One line of a gold file (EXTRACTION.md, "Gold file format"; the development set adds
/// `partner_region`, see Fixtures/dev/README.md).
struct GoldFact: Decodable {
    var source: String
    var table: String
    var category: String
    var value: Double
    var qualifier: String
    var year: Int?
    var region: String?
    /// Nil when the gold names none; `scoresPartner` is false when the file has no such field.
    var partnerRegion: String?
    var scoresPartner: Bool
    var text: String
    var required: Bool

    enum CodingKeys: String, CodingKey {
        case source, table, category, value, qualifier, year, region, text, required
        case partnerRegion = "partner_region"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decode(String.self, forKey: .source)
        table = try container.decode(String.self, forKey: .table)
        category = try container.decode(String.self, forKey: .category)
        value = try container.decode(Double.self, forKey: .value)
        qualifier = try container.decode(String.self, forKey: .qualifier)
        year = try container.decodeIfPresent(Int.self, forKey: .year)
        region = try container.decodeIfPresent(String.self, forKey: .region)
        scoresPartner = container.contains(.partnerRegion)
        partnerRegion = try container.decodeIfPresent(String.self, forKey: .partnerRegion)
        text = try container.decode(String.self, forKey: .text)
        required = try container.decode(Bool.self, forKey: .required)
    }
}
