/// One row of `summary`.
public struct SummaryRow: Sendable, Equatable {
    public var table: FactTable
    public var category: FactCategory?
    public var year: Int?
    public var region: String?
    public var province: String?
    public var city: String?
    public var county: String?
    public var partnerRegion: String?
    public var programme: String?
    public var facts: Int
    public var documents: Int
    public var total: ExactDecimal
    public var min: ExactDecimal
    public var max: ExactDecimal
}
