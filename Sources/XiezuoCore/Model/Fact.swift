/// One figure extracted from an article: a row of `investments`, `jobs` or `projects`.
public struct Fact: Sendable, Equatable {
    /// `fact_id` (`TableID.fact`).
    public var factID: String
    /// The `doc_id` of its article (`TableID.document`).
    public var docID: String
    public var year: Int?
    /// Where `year` comes from; nil when `year` is.
    public var yearBasis: YearBasis?
    /// The place the figure is about, by its full gazetteer name (广州市, 五华县, 长布镇), or a
    /// village or community as written (城南社区).
    public var region: String?
    /// The region's division code, and its province, prefecture-level city and county by their
    /// full names (itself at its own level). See `RegionRecord`.
    public var regionCode: String?
    public var province: String?
    public var city: String?
    public var county: String?
    /// The helping or paired side of a cooperation figure (广州市 helping 毕节市), and its code.
    public var partnerRegion: String?
    public var partnerRegionCode: String?
    public var category: FactCategory
    /// Yuan for investments, people or items for jobs and projects.
    public var value: ExactDecimal
    public var qualifier: Qualifier
    public var low: ExactDecimal?
    public var high: ExactDecimal?
    /// The span as it stands in the cleaned text.
    public var text: String
    /// The sentence the span was found in.
    public var evidence: String
    /// Offset of `text` in the cleaned article, in Unicode scalars.
    public var offset: Int

    public var table: FactTable { category.table }

    public init(
        docID: String, year: Int?, region: String?, category: FactCategory, value: ExactDecimal,
        qualifier: Qualifier, low: ExactDecimal?, high: ExactDecimal?, text: String, evidence: String, offset: Int
    ) {
        self.factID = TableID.fact(documentID: docID, offset: offset)
        self.docID = docID
        self.year = year
        self.region = region
        self.category = category
        self.value = value
        self.qualifier = qualifier
        self.low = low
        self.high = high
        self.text = text
        self.evidence = evidence
        self.offset = offset
    }
}
