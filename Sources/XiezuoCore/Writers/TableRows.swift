/// How each record becomes a row of its table, column for column as in `TableSchema`.
enum TableRows {
    static func document(_ record: ArticleRecord, duplicateOf: String?) -> [CSVField] {
        [
            .text(record.docID), .text(record.source), .number(record.position.part), .text(record.title),
            .text(record.published?.description), .text(record.outlet), .text(record.script.rawValue),
            .number(record.chars), .number(record.removedChars), .text(duplicateOf),
        ]
    }

    static func fact(_ fact: Fact) -> [CSVField] {
        [
            .text(fact.factID), .text(fact.docID), .number(fact.year), .text(fact.region), .text(fact.category.rawValue),
            .number(fact.value), .text(fact.qualifier.rawValue), .number(fact.low), .number(fact.high), .text(fact.text),
            .text(fact.evidence), .number(fact.offset),
        ]
    }

    static func summary(_ row: SummaryRow) -> [CSVField] {
        [
            .text(row.table.rawValue), .text(row.category?.rawValue), .number(row.year), .text(row.region),
            .number(row.facts), .number(row.documents), .number(row.total), .number(row.min), .number(row.max),
        ]
    }

    static func reject(_ reject: Reject) -> [CSVField] {
        [.text(reject.source), .text(reject.stage.rawValue), .text(reject.reason)]
    }
}
