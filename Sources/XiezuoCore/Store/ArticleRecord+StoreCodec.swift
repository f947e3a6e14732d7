/// How the store keeps an `ArticleRecord` in its `record` BLOB (`RecordEncoder`).
///
/// The first integer says the layout. 1, the compact layout (written since store migration
/// "v6-compact-articles"): each fact's fields follow one another, and a field equal to the
/// previous fact's is written as one byte (`RecordEncoder.same()`): the facts of one sentence
/// share its evidence, and those of one place its region, province, city, county, codes and
/// partner, so most facts store little more than their figure. Decoding gives such a field the
/// previous fact's very string, so the facts of a record share their storage too.
/// 0, the layout of earlier versions (`readLegacyFacts(from:)`), is still read: the migration
/// converts every record, but one it cannot decode keeps its bytes, and reading it reports it.
extension ArticleRecord {
    static let compactLayout = 1

    func encode(to encoder: inout RecordEncoder) {
        encoder.integer(Self.compactLayout)
        encoder.integer(part)
        encoder.string(source)
        encoder.string(docID)
        encoder.optionalString(title)
        encoder.optionalString(published?.description)
        encoder.optionalString(outlet)
        encoder.string(script.rawValue)
        encoder.integer(chars)
        encoder.integer(removedChars)
        encoder.optionalString(programme)
        encoder.integer(facts.count)
        var previous: Fact?
        for fact in facts {
            if let previous, previous.category == fact.category { encoder.same() } else { encoder.string(fact.category.rawValue) }
            encoder.decimal(fact.value)
            if let previous, previous.qualifier == fact.qualifier { encoder.same() } else { encoder.string(fact.qualifier.rawValue) }
            encoder.optionalDecimal(fact.low)
            encoder.optionalDecimal(fact.high)
            encoder.optionalInteger(fact.year)
            encoder.optionalString(fact.yearBasis?.rawValue)
            encoder.optionalString(fact.region, after: previous?.region)
            encoder.optionalString(fact.regionCode, after: previous?.regionCode)
            encoder.optionalString(fact.province, after: previous?.province)
            encoder.optionalString(fact.city, after: previous?.city)
            encoder.optionalString(fact.county, after: previous?.county)
            encoder.optionalString(fact.partnerRegion, after: previous?.partnerRegion)
            encoder.optionalString(fact.partnerRegionCode, after: previous?.partnerRegionCode)
            encoder.string(fact.text)
            encoder.optionalString(fact.evidence, after: previous?.evidence)
            encoder.integer(fact.offset)
            previous = fact
        }
    }

    /// Both layouts begin with the same document fields; what follows differs.
    init(from decoder: inout RecordDecoder) throws(RecordDecoder.Corrupt) {
        let layout = try decoder.integer()
        guard layout == Self.compactLayout || layout == 0 else { throw RecordDecoder.Corrupt() }
        part = try decoder.integer()
        source = try decoder.string()
        docID = try decoder.string()
        title = try decoder.optionalString()
        published = try decoder.optionalString().flatMap { CivilDate(iso: $0) }
        outlet = try decoder.optionalString()
        guard let script = Script(rawValue: try decoder.string()) else { throw RecordDecoder.Corrupt() }
        self.script = script
        chars = try decoder.integer()
        removedChars = try decoder.integer()
        programme = nil
        facts = []
        if layout == Self.compactLayout {
            try readCompactFacts(from: &decoder)
        } else {
            try readLegacyFacts(from: &decoder)
        }
    }

    /// The compact layout after the document fields: the programme, then the facts.
    private mutating func readCompactFacts(from decoder: inout RecordDecoder) throws(RecordDecoder.Corrupt) {
        programme = try decoder.optionalString()
        let count = try decoder.integer()
        // A fact takes more than one byte: no count larger than what is left of the record.
        guard count >= 0, count <= decoder.remaining else { throw RecordDecoder.Corrupt() }
        facts.reserveCapacity(count)
        let documentID = documentID
        var previous: Fact?
        for _ in 0..<count {
            let category: FactCategory = try decoder.rawValue(after: previous?.category)
            let value = try decoder.decimal()
            let qualifier: Qualifier = try decoder.rawValue(after: previous?.qualifier)
            let low = try decoder.optionalDecimal()
            let high = try decoder.optionalDecimal()
            let year = try decoder.optionalInteger()
            var yearBasis: YearBasis?
            if let basis = try decoder.optionalString() {
                guard let decoded = YearBasis(rawValue: basis) else { throw RecordDecoder.Corrupt() }
                yearBasis = decoded
            }
            let region = try decoder.optionalString(after: previous?.region)
            let regionCode = try decoder.optionalString(after: previous?.regionCode)
            let province = try decoder.optionalString(after: previous?.province)
            let city = try decoder.optionalString(after: previous?.city)
            let county = try decoder.optionalString(after: previous?.county)
            let partnerRegion = try decoder.optionalString(after: previous?.partnerRegion)
            let partnerRegionCode = try decoder.optionalString(after: previous?.partnerRegionCode)
            let text = try decoder.string()
            guard let evidence = try decoder.optionalString(after: previous?.evidence) else { throw RecordDecoder.Corrupt() }
            let offset = try decoder.integer()
            var fact = Fact(
                docID: documentID, year: year, region: region, category: category, value: value, qualifier: qualifier,
                low: low, high: high, text: text, evidence: evidence, offset: offset)
            fact.yearBasis = yearBasis
            fact.regionCode = regionCode
            fact.province = province
            fact.city = city
            fact.county = county
            fact.partnerRegion = partnerRegion
            fact.partnerRegionCode = partnerRegionCode
            facts.append(fact)
            previous = fact
        }
        guard decoder.isAtEnd else { throw RecordDecoder.Corrupt() }
    }

    /// The layout of records written before store migration "v6-compact-articles", after the
    /// document fields: fields were only ever appended (the attribution after the facts), so the
    /// records of every earlier version decode, those from before attribution without it.
    private mutating func readLegacyFacts(from decoder: inout RecordDecoder) throws(RecordDecoder.Corrupt) {
        let count = try decoder.integer()
        guard count >= 0 else { throw RecordDecoder.Corrupt() }
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
