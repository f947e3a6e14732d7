import Foundation

/// What `xiezuo map` writes for one source: one JSON object on one line (README, "Spark",
/// "The map stream"). Rows are keyed by their tables' column names (`TableSchema`) and typed as
/// JSON: text and dates (`YYYY-MM-DD`) as strings, integers as numbers, money as decimal
/// strings (`1640000000`, `47.5`: exact, never a binary float), unknown values as null.
/// `duplicate_of` and `first_seen_run` are not per-source facts and are left out; the global
/// steps add them.
public enum MapRecord {
    /// The line for `processed`, the result of frame `line` (1-based) named `source`.
    public static func json(line: Int, source: String, processed: ProcessedSource) -> [UInt8] {
        var object: [String: CompactJSON] = ["line": .integer(line), "source": .string(source)]
        switch processed {
        case .rejected(let reject):
            object["reject"] = .object(["stage": .string(reject.stage.rawValue), "reason": .string(reject.reason)])
        case .articles(let articles):
            object["articles"] = .array(articles.map(article))
        }
        return encode(object)
    }

    /// The line for a frame that could not be read as a source (README, "The map stream").
    public static func malformedFrame(line: Int, source: String?, reason: String) -> [UInt8] {
        encode([
            "line": .integer(line), "source": .string(source ?? "stdin:\(line)"),
            "reject": .object(["stage": .string(StageName.fetch.rawValue), "reason": .string("map frame at line \(line): \(reason)")]),
        ])
    }

    private static func article(_ processed: ProcessedArticle) -> CompactJSON {
        let record = processed.record
        let documentID = record.documentID
        var document = row(
            TableRows.document(record, documentID: documentID, duplicateOf: nil, firstSeenRun: 0), TableSchema.documents)
        document["duplicate_of"] = nil
        document["first_seen_run"] = nil
        let facts: [CompactJSON] = record.facts.map { fact in
            var values = row(TableRows.fact(fact, firstSeenRun: 0), TableSchema.facts(fact.table))
            values["first_seen_run"] = nil
            return .object(["table": .string(fact.table.rawValue), "row": .object(values)])
        }
        let paragraphs: [CompactJSON] = processed.paragraphs.enumerated().map { index, paragraph in
            .object(row(TableRows.paragraph(paragraph, index: index, documentID: documentID), TableSchema.paragraphs))
        }
        let fingerprint = processed.fingerprint
        let figures = FigureSignature(entries: fingerprint.figures)
        var shingles = Data(capacity: fingerprint.shingles.count * 4)
        for hash in fingerprint.shingles { withUnsafeBytes(of: hash.littleEndian) { shingles.append(contentsOf: $0) } }
        return .object([
            "document": .object(document), "facts": .array(facts), "paragraphs": .array(paragraphs),
            "fingerprint": .object([
                "exact_key": .string(StableHash.hex(fingerprint.exactKey)),
                "band_keys": .array(fingerprint.bandKeys.map { .string(StableHash.hex($0)) }),
                "shingles": .string(shingles.base64EncodedString()),
                "shingle_count": .integer(fingerprint.shingles.count),
                "figures": .array(fingerprint.figures.map { .string(StableHash.hex($0)) }),
                "value_keys": .array(figures.valueKeys.map { .integer(Int($0)) }),
                "figures_hash": .integer(Int(figures.hash)),
            ]),
        ])
    }

    private static func row(_ values: [TableValue], _ schema: TableSchema) -> [String: CompactJSON] {
        var object: [String: CompactJSON] = [:]
        for (column, value) in zip(schema.columns, values) { object[column.name] = json(value) }
        return object
    }

    private static func json(_ value: TableValue) -> CompactJSON {
        switch value {
        case .text(let text): return .text(text)
        case .integer(let number): return number.map(CompactJSON.integer) ?? .null
        case .date(let date): return .text(date?.description)
        case .decimal(let decimal): return .text(decimal?.description)
        }
    }

    static func encode(_ object: [String: CompactJSON]) -> [UInt8] {
        var bytes: [UInt8] = []
        CompactJSON.object(object).write(into: &bytes)
        bytes.append(10)
        return bytes
    }
}
