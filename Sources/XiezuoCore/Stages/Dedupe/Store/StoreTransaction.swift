import Foundation
import GRDB

/// The store's operations inside one write transaction.
struct StoreTransaction {
    let db: Database

    /// Starts a run and returns its number.
    func beginRun(configHash: String, sources: Int) throws -> Int {
        try db.execute(sql: "INSERT INTO run (config_hash, sources) VALUES (?, ?)", arguments: [configHash, sources])
        return Int(db.lastInsertedRowID)
    }

    /// Forgets what an earlier run stored for a source that is processed again tonight.
    func replaceSource(name: String, contentHash: String?, bytes: Int, run: Int) throws {
        try db.execute(sql: "DELETE FROM reject WHERE source = ?", arguments: [name])
        guard let contentHash else { return }
        try db.execute(sql: "DELETE FROM article WHERE source = ?", arguments: [name])
        try db.execute(
            sql: "INSERT OR REPLACE INTO source (name, content_hash, bytes, run) VALUES (?, ?, ?, ?)",
            arguments: [name, contentHash, bytes, run]
        )
    }

    /// Forgets the rejects of a feed or URL file that is read again tonight.
    func forgetRejects(of source: String) throws {
        try db.execute(sql: "DELETE FROM reject WHERE source = ?", arguments: [source])
    }

    /// Remembers (or, with none, forgets) the validators of a URL downloaded tonight.
    func replaceValidators(url: String, _ validators: HTTPValidators?, contentHash: String?) throws {
        try db.execute(sql: "DELETE FROM http_validator WHERE url = ?", arguments: [url])
        guard let validators, !validators.isEmpty, let contentHash else { return }
        try db.execute(
            sql: "INSERT INTO http_validator (url, etag, last_modified, content_hash) VALUES (?, ?, ?, ?)",
            arguments: [url, validators.etag, validators.lastModified, contentHash]
        )
    }

    func insert(_ article: SpooledArticle, run: Int) throws {
        var encoder = SpoolEncoder()
        article.record.encode(to: &encoder)
        try db.execute(
            sql: """
                INSERT INTO article (
                    source, part, doc_id, exact_key, published, chars, record, paragraphs, shingles, band_keys, run)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                article.record.source, article.record.position.part, article.record.docID,
                Int64(bitPattern: article.fingerprint.exactKey), article.record.published?.description,
                article.record.chars, Data(encoder.bytes), Data(article.paragraphBytes), Data(article.shingleBytes),
                Data(article.bandKeyBytes), run,
            ]
        )
    }

    func insert(_ reject: Reject, run: Int) throws {
        try db.execute(
            sql: "INSERT INTO reject (source, stage, reason, run) VALUES (?, ?, ?, ?)",
            arguments: [reject.source, reject.stage.rawValue, reject.reason, run]
        )
    }

    /// Every stored article's fingerprint, in table order (source, then part).
    func fingerprints() throws -> [StoredFingerprint] {
        var result: [StoredFingerprint] = []
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, source, part, doc_id, exact_key, published, chars, band_keys FROM article ORDER BY source, part"
        )
        while let row = try rows.next() {
            let bandKeys: Data = row["band_keys"]
            result.append(
                StoredFingerprint(
                    id: row["id"], source: row["source"], part: row["part"], docID: row["doc_id"],
                    exactKey: UInt64(bitPattern: row["exact_key"]),
                    published: (row["published"] as String?).flatMap { CivilDate(iso: $0) }, chars: row["chars"],
                    bandKeys: SpooledArticle.uint64s(from: bandKeys)
                )
            )
        }
        return result
    }

    func shingles(ofArticle id: Int) throws -> [UInt32] {
        guard let data = try Data.fetchOne(db, sql: "SELECT shingles FROM article WHERE id = ?", arguments: [id]) else {
            return []
        }
        return SpooledArticle.uint32s(from: data)
    }

    /// Calls `body` with every stored article and its paragraphs, in table order. Articles
    /// stored before paragraphs were kept (store version 1) have none.
    func forEachArticle(_ body: (ArticleRecord, [ArticleParagraph]) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT record, paragraphs FROM article ORDER BY source, part")
        while let row = try rows.next() {
            let data: Data = row["record"]
            var decoder = SpoolDecoder([UInt8](data))
            let record = try ArticleRecord(from: &decoder)
            var paragraphs: [ArticleParagraph] = []
            if let stored = row["paragraphs"] as Data? {
                var paragraphDecoder = SpoolDecoder([UInt8](stored))
                paragraphs = try ArticleParagraph.decode(from: &paragraphDecoder)
            }
            try body(record, paragraphs)
        }
    }

    /// Every stored reject, by source and then in the order they were found.
    func rejects() throws -> [Reject] {
        try Row.fetchAll(db, sql: "SELECT source, stage, reason FROM reject ORDER BY source, rowid").compactMap { row in
            guard let stage = StageName(rawValue: row["stage"]) else { return nil }
            return Reject(source: row["source"], stage: stage, reason: row["reason"])
        }
    }
}
