/// One figure extracted from an article: a row of `investments`, `jobs` or `projects`.
public struct Fact: Sendable, Equatable {
    /// `fact_id` (`TableID.fact`).
    public var factID: String
    /// The `doc_id` of its article (`TableID.document`).
    public var docID: String
    public var year: Int?
    public var region: String?
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
