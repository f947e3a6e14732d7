/// One line of the gold file (EXTRACTION.md, "Gold file format").
struct GoldFact: Decodable {
    var source: String
    var table: String
    var category: String
    var value: Double
    var qualifier: String
    var year: Int?
    var region: String?
    var text: String
    var required: Bool
}
