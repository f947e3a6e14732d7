/// How the store keeps an `ArticleRecord` in its `record` BLOB (`RecordEncoder`). Fields are
/// only ever appended, so that records written by earlier versions still decode.
extension ArticleRecord {
    func encode(to encoder: inout RecordEncoder) {
        // Earlier versions wrote the source's place in the night's input here; no reader uses it.
        encoder.integer(0)
        encoder.integer(part)
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
        _ = try decoder.integer()
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
