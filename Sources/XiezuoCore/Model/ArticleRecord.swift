/// What the per-article stages produce for one article: its `documents` row (less
/// `duplicate_of`, which only dedupe knows) and its facts. Kept in the article store between
/// the parallel and the global steps, so memory does not grow with the corpus.
struct ArticleRecord: Sendable, Equatable {
    var position: ArticlePosition
    var source: String
    /// The hash of the cleaned text (`Article.docID`): the store's `doc_id`, the tables' `text_id`.
    var docID: String
    var title: String?
    var published: CivilDate?
    var outlet: String?
    var script: Script
    var chars: Int
    var removedChars: Int
    /// The cooperation programmes the article is about, `;`-separated in the vocabulary's order
    /// (`documents.programme`); nil when it names none.
    var programme: String?
    var facts: [Fact]
    /// The run that first stored this article (`first_seen_run`); kept in its own column of
    /// the store, not in the encoded record.
    var firstSeenRun = 0

    /// `documents.doc_id`, unique per row; its facts' `doc_id`.
    var documentID: String { TableID.document(source: source, part: position.part, textHash: docID) }

    init(article: Article, position: ArticlePosition, facts: [Fact], programme: String? = nil) {
        self.programme = programme
        self.position = position
        source = article.source
        docID = article.docID
        title = article.title
        published = article.published
        outlet = article.outlet
        script = article.script
        chars = article.chars
        removedChars = article.removedChars
        self.facts = facts
    }
}

extension ArticleRecord {
    func encode(to encoder: inout RecordEncoder) {
        encoder.integer(position.ordinal)
        encoder.integer(position.part)
        encoder.string(source)
        encoder.string(docID)
        encoder.optionalString(title)
        encoder.optionalString(published?.description)
        encoder.optionalString(outlet)
        encoder.string(script.rawValue)
        encoder.integer(chars)
        encoder.integer(removedChars)
        encoder.integer(facts.count)
        for fact in facts {
            encoder.string(fact.category.rawValue)
            encoder.decimal(fact.value)
            encoder.string(fact.qualifier.rawValue)
            encoder.optionalDecimal(fact.low)
            encoder.optionalDecimal(fact.high)
            encoder.optionalInteger(fact.year)
            encoder.optionalString(fact.region)
            encoder.string(fact.text)
            encoder.string(fact.evidence)
            encoder.integer(fact.offset)
        }
        // Attribution, after everything records of earlier versions hold, so that they still
        // decode (without it).
        encoder.optionalString(programme)
        for fact in facts {
            encoder.optionalString(fact.yearBasis?.rawValue)
            encoder.optionalString(fact.regionCode)
            encoder.optionalString(fact.province)
            encoder.optionalString(fact.city)
            encoder.optionalString(fact.county)
            encoder.optionalString(fact.partnerRegion)
            encoder.optionalString(fact.partnerRegionCode)
        }
    }

    init(from decoder: inout RecordDecoder) throws(RecordDecoder.Corrupt) {
        position = ArticlePosition(ordinal: try decoder.integer(), part: try decoder.integer())
        source = try decoder.string()
        docID = try decoder.string()
        title = try decoder.optionalString()
        published = try decoder.optionalString().flatMap { CivilDate(iso: $0) }
        outlet = try decoder.optionalString()
        guard let script = Script(rawValue: try decoder.string()) else { throw RecordDecoder.Corrupt() }
        self.script = script
        chars = try decoder.integer()
        removedChars = try decoder.integer()
        let count = try decoder.integer()
        guard count >= 0 else { throw RecordDecoder.Corrupt() }
        facts = []
        let documentID = documentID
        for _ in 0..<count {
            guard let category = FactCategory(rawValue: try decoder.string()) else { throw RecordDecoder.Corrupt() }
            let value = try decoder.decimal()
            guard let qualifier = Qualifier(rawValue: try decoder.string()) else { throw RecordDecoder.Corrupt() }
            let low = try decoder.optionalDecimal()
            let high = try decoder.optionalDecimal()
            let year = try decoder.optionalInteger()
            let region = try decoder.optionalString()
            let text = try decoder.string()
            // Consecutive facts of one sentence share its evidence, as extract made them.
            let evidence = try decoder.string(reusing: facts.last?.evidence)
            let offset = try decoder.integer()
            facts.append(
                Fact(
                    docID: documentID, year: year, region: region, category: category, value: value, qualifier: qualifier,
                    low: low, high: high, text: text, evidence: evidence, offset: offset
                )
            )
        }
        programme = nil
        guard !decoder.isAtEnd else { return }
        programme = try decoder.optionalString()
        for index in facts.indices {
            if let basis = try decoder.optionalString() {
                guard let yearBasis = YearBasis(rawValue: basis) else { throw RecordDecoder.Corrupt() }
                facts[index].yearBasis = yearBasis
            }
            facts[index].regionCode = try decoder.optionalString()
            facts[index].province = try decoder.optionalString()
            facts[index].city = try decoder.optionalString()
            facts[index].county = try decoder.optionalString()
            facts[index].partnerRegion = try decoder.optionalString()
            facts[index].partnerRegionCode = try decoder.optionalString()
        }
    }
}
