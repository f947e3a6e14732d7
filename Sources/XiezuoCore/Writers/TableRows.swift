/// How each record becomes a row of its table, column for column as in `TableSchema`.
enum TableRows {
    /// `firstSeenRun` is the run that first stored the article.
    /// `documentID` is `record.documentID`, made once per article by the caller.
    static func document(_ record: ArticleRecord, documentID: String, duplicateOf: String?, firstSeenRun: Int) -> [TableValue] {
        [
            .text(documentID), .text(TableID.text(hash: record.docID)), .text(record.source),
            .integer(record.part), .text(record.title), .date(record.published), .text(record.outlet),
            .text(record.script.rawValue), .integer(record.chars), .integer(record.removedChars), .text(duplicateOf),
            .text(record.programme), .integer(firstSeenRun),
        ]
    }

    /// `documentID`: the article's (`ArticleRecord.documentID`), made once for all its paragraphs.
    static func paragraph(_ paragraph: ArticleParagraph, index: Int, documentID: String) -> [TableValue] {
        let source = paragraph.source
        return [
            .text(documentID), .integer(index), .integer(paragraph.offset), .integer(paragraph.chars),
            .integer(source?.lines.lowerBound), .integer(source?.lines.upperBound), .integer(source?.bytes.lowerBound), .integer(source?.bytes.upperBound),
        ]
    }

    /// `firstSeenRun` is the run that first stored the fact's article.
    static func fact(_ fact: Fact, firstSeenRun: Int) -> [TableValue] {
        let isMoney = fact.table == .investments
        func figure(_ value: ExactDecimal?) -> TableValue {
            isMoney ? .decimal(value) : .integer(value.flatMap(\.integerValue).map(Int.init))
        }
        return [
            .text(fact.factID), .text(fact.docID), .integer(fact.year), .text(fact.yearBasis?.rawValue), .text(fact.region),
            .text(fact.regionCode), .text(fact.province), .text(fact.city), .text(fact.county), .text(fact.partnerRegion),
            .text(fact.partnerRegionCode), .text(fact.category.rawValue),
            figure(fact.value), .text(fact.qualifier.rawValue), figure(fact.low), figure(fact.high), .text(fact.text),
            .text(fact.evidence), .integer(fact.offset), .integer(firstSeenRun),
        ]
    }

    static func summary(_ row: SummaryRow) -> [TableValue] {
        [
            .text(row.table.rawValue), .text(row.category?.rawValue), .integer(row.year), .text(row.region),
            .text(row.province), .text(row.city), .text(row.county), .text(row.partnerRegion), .text(row.programme),
            .integer(row.facts), .integer(row.documents), .decimal(row.total), .decimal(row.min), .decimal(row.max),
        ]
    }

    static func reject(_ reject: Reject) -> [TableValue] {
        [.text(reject.source), .text(reject.stage.rawValue), .text(reject.reason)]
    }
}
