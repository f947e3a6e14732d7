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
        var object: [String: Any] = ["line": line, "source": source]
        switch processed {
        case .rejected(let reject):
            object["reject"] = ["stage": reject.stage.rawValue, "reason": reject.reason]
        case .articles(let articles):
            object["articles"] = articles.map(article)
        }
        return encode(object)
    }

    /// The line for a frame that could not be read as a source (README, "The map stream").
    public static func malformedFrame(line: Int, source: String?, reason: String) -> [UInt8] {
        encode([
            "line": line, "source": source ?? "stdin:\(line)",
            "reject": ["stage": StageName.fetch.rawValue, "reason": "map frame at line \(line): \(reason)"],
        ])
    }

    private static func article(_ processed: ProcessedArticle) -> [String: Any] {
        let record = processed.record
        let documentID = record.documentID
        var document = row(
            TableRows.document(record, documentID: documentID, duplicateOf: nil, firstSeenRun: 0), TableSchema.documents)
        document["duplicate_of"] = nil
        document["first_seen_run"] = nil
        let facts: [[String: Any]] = record.facts.map { fact in
            var values = row(TableRows.fact(fact, firstSeenRun: 0), TableSchema.facts(fact.table))
            values["first_seen_run"] = nil
            return ["table": fact.table.rawValue, "row": values]
        }
        let paragraphs = processed.paragraphs.enumerated().map { index, paragraph in
            row(TableRows.paragraph(paragraph, index: index, documentID: documentID), TableSchema.paragraphs)
        }
        let fingerprint = processed.fingerprint
        let figures = FigureSignature(entries: fingerprint.figures)
        var shingles = Data(capacity: fingerprint.shingles.count * 4)
        for hash in fingerprint.shingles { withUnsafeBytes(of: hash.littleEndian) { shingles.append(contentsOf: $0) } }
        return [
            "document": document, "facts": facts, "paragraphs": paragraphs,
            "fingerprint": [
                "exact_key": StableHash.hex(fingerprint.exactKey),
                "band_keys": fingerprint.bandKeys.map { StableHash.hex($0) },
                "shingles": shingles.base64EncodedString(),
                "shingle_count": fingerprint.shingles.count,
                "figures": fingerprint.figures.map { StableHash.hex($0) },
                "value_keys": figures.valueKeys.map(Int.init),
                "figures_hash": Int(figures.hash),
            ] as [String: Any],
        ]
    }

    private static func row(_ values: [TableValue], _ schema: TableSchema) -> [String: Any] {
        var object: [String: Any] = [:]
        for (column, value) in zip(schema.columns, values) { object[column.name] = json(value) }
        return object
    }

    private static func json(_ value: TableValue) -> Any {
        switch value {
        case .text(let text): return text ?? NSNull()
        case .integer(let number): return number ?? NSNull()
        case .date(let date): return date?.description ?? NSNull()
        case .decimal(let decimal): return decimal?.description ?? NSNull()
        }
    }

    static func encode(_ object: [String: Any]) -> [UInt8] {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return [UInt8](data) + [10]
    }
}
