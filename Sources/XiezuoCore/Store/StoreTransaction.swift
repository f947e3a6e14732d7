import Foundation
import GRDB

/// The store's operations inside one write transaction.
struct StoreTransaction {
    let db: Database
    /// The store's file, for error messages.
    let path: String

    /// Starts a run and returns its number: one more than any run the store holds, and at
    /// least `atLeast` (one more than the run whose tables are replaced), so that run numbers
    /// keep growing when the store is rebuilt or thrown away after each run.
    func beginRun(configHash: String, processor: String, sources: Int, atLeast: Int, version: String, started: String) throws -> Int {
        let next = max((try Int.fetchOne(db, sql: "SELECT max(id) FROM run") ?? 0) + 1, atLeast)
        try db.execute(
            sql: "INSERT INTO run (id, config_hash, processor, sources, version, started) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [next, configHash, processor, sources, version, started])
        return next
    }

    /// Records when a run finished, just before its transaction commits.
    func finishRun(_ run: Int, finished: String) throws {
        try db.execute(sql: "UPDATE run SET finished = ? WHERE id = ?", arguments: [finished, run])
    }

    /// Forgets tonight's source's earlier reject and remembers the hash of the bytes read and
    /// the identity of the processor that read them, so that the source is not processed again
    /// while both stay the same. Its articles stay: see `replaceArticles`.
    func recordSource(name: String, contentHash: String?, processor: String, bytes: Int, run: Int) throws {
        try db.cachedStatement(sql: "DELETE FROM reject WHERE source = ?").execute(arguments: [name])
        guard let contentHash else { return }
        try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO source (name, content_hash, processor, bytes, run) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [name, contentHash, processor, bytes, run])
    }

    /// Forgets the articles an earlier run stored for a source that gave articles tonight, and
    /// returns, by part, the text hash and first run of each, so that an article that is
    /// still there with the same text keeps its `first_seen_run`.
    func replaceArticles(of source: String) throws -> [Int: (textHash: String, firstSeenRun: Int)] {
        var earlier: [Int: (textHash: String, firstSeenRun: Int)] = [:]
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT part, doc_id, first_seen_run FROM article WHERE source = ?"), arguments: [source])
        while let row = try rows.next() { earlier[row[0]] = (row[1], row[2]) }
        try db.cachedStatement(
            sql: "DELETE FROM article_band_keys WHERE article IN (SELECT id FROM article WHERE source = ?)"
        ).execute(arguments: [source])
        try db.cachedStatement(
            sql: "DELETE FROM article_shingles WHERE article IN (SELECT id FROM article WHERE source = ?)"
        ).execute(arguments: [source])
        try db.cachedStatement(sql: "DELETE FROM article WHERE source = ?").execute(arguments: [source])
        return earlier
    }

    /// Renames everything stored under the legacy name `legacy` (the source, its articles and
    /// their records, its rejects) to `name`: the file with that name was found unchanged.
    func adoptLegacySource(_ legacy: String, as name: String) throws {
        try db.execute(sql: "DELETE FROM reject WHERE source = ?", arguments: [name])
        try db.execute(sql: "UPDATE reject SET source = ? WHERE source = ?", arguments: [name, legacy])
        try db.execute(sql: "UPDATE source SET name = ? WHERE name = ?", arguments: [name, legacy])
        let rows = try Row.fetchAll(db, sql: "SELECT id, record FROM article WHERE source = ?", arguments: [legacy])
        for row in rows {
            var decoder = try row.withUnsafeData(atIndex: 1) { data in RecordDecoder([UInt8](data ?? Data())) }
            var record = try ArticleRecord(from: &decoder)
            record.source = name
            var encoder = RecordEncoder()
            record.encode(to: &encoder)
            try db.execute(
                sql: "UPDATE article SET source = ?, record = ? WHERE id = ?", arguments: [name, Data(encoder.bytes), row["id"] as Int])
        }
        try forgetLegacyName(legacy)
    }

    /// A legacy name that holds only rejects gives them up once a file that had it is read again
    /// tonight under its new name (the new outcome stands for it); one with articles keeps them.
    func settleLegacySource(_ legacy: String) throws {
        guard try Row.fetchOne(db, sql: "SELECT 1 FROM source WHERE name = ?", arguments: [legacy]) == nil else { return }
        try db.execute(sql: "DELETE FROM reject WHERE source = ?", arguments: [legacy])
        try forgetLegacyName(legacy)
    }

    /// `name` is a source's name under the current rule, not a legacy one any more.
    func forgetLegacyName(_ name: String) throws {
        try db.cachedStatement(sql: "DELETE FROM legacy_source_name WHERE name = ?").execute(arguments: [name])
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

    /// Stores one article: its row (with the record the tables are written from), its band keys
    /// and figures, and its shingles. The statements are prepared once per transaction and reused.
    func insert(_ article: ProcessedArticle, run: Int, firstSeenRun: Int) throws {
        var encoder = RecordEncoder()
        article.record.encode(to: &encoder)
        var paragraphs = RecordEncoder()
        ArticleParagraph.encode(article.paragraphs, to: &paragraphs)
        let fingerprint = article.fingerprint
        try db.cachedStatement(
            sql: """
                INSERT INTO article (source, part, doc_id, exact_key, published, chars, record, paragraphs, run,
                    first_seen_run)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            article.record.source, article.record.part, article.record.docID,
            Int64(bitPattern: fingerprint.exactKey), article.record.published?.description,
            article.record.chars, Data(encoder.bytes), Data(paragraphs.bytes), run, firstSeenRun,
        ])
        let id = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO article_band_keys (article, band_keys, figures) VALUES (?, ?, ?)")
            .execute(arguments: [
                id, Data(StoreBlob.bytes(of: fingerprint.bandKeys)), Data(StoreBlob.bytes(of: fingerprint.figures)),
            ])
        try db.cachedStatement(sql: "INSERT INTO article_shingles (article, count, shingles) VALUES (?, ?, ?)")
            .execute(arguments: [id, fingerprint.shingles.count, Data(ShingleBlob.bytes(of: fingerprint.shingles))])
    }

    func insert(_ reject: Reject, run: Int) throws {
        try db.cachedStatement(sql: "INSERT INTO reject (source, stage, reason, run) VALUES (?, ?, ?, ?)")
            .execute(arguments: [reject.source, reject.stage.rawValue, reject.reason, run])
    }

    /// Lowers SQLite's page cache once the read step has stored its articles: dedupe and the
    /// tables read the store in table order or by id and visit most pages once, so the cache
    /// holds little besides the B-trees' upper pages for them, and 6 MiB less from dedupe to
    /// the end of the run. Pages the read step left changed are written out as the cache needs
    /// room, as they would be at the commit.
    func cacheForReading() throws {
        try db.execute(sql: "PRAGMA cache_size = -\(ArticleStore.readingCacheKiB)")
    }

    /// Every stored article's fingerprint, in table order (source, then part).
    func fingerprints() throws -> StoredFingerprints {
        var result = StoredFingerprints()
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT a.id, a.doc_id, a.exact_key, a.published, a.chars, coalesce(s.count, 0) AS shingle_count, b.figures
                FROM article a LEFT JOIN article_band_keys b ON b.article = a.id LEFT JOIN article_shingles s ON s.article = a.id
                ORDER BY a.source, a.part
                """
        )
        while let row = try rows.next() {
            // Dedupe does not use the doc_id; a damaged one still stops the run here, before any
            // table is written.
            let docID: String = row["doc_id"]
            guard UInt64(docID, radix: 16) != nil else {
                throw StoreError(
                    path: path, message: "article \(row["id"] as Int) has a malformed doc_id \"\(docID)\"", cause: .damaged)
            }
            result.append(
                StoredFingerprint(
                    id: row["id"], exactKey: UInt64(bitPattern: row["exact_key"]),
                    published: (row["published"] as String?).flatMap { CivilDate(iso: $0) }, chars: row["chars"],
                    shingleCount: row["shingle_count"],
                    figures: FigureSignature(
                        entries: try row.withUnsafeData(named: "figures") { data in
                            data.map(StoreBlob.uint64s(from:)) ?? []
                        })
                )
            )
        }
        return result
    }

    /// Calls `body` with every stored article's band keys, in table order (as `fingerprints()`).
    func forEachBandKeys(_ body: (Int, [UInt64]) throws -> Void) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT b.band_keys FROM article a JOIN article_band_keys b ON b.article = a.id
                ORDER BY a.source, a.part
                """
        )
        var index = 0
        while let row = try rows.next() {
            let keys = try row.withUnsafeData(atIndex: 0) { data in StoreBlob.uint64s(from: data ?? Data()) }
            try body(index, keys)
            index += 1
        }
    }

    /// One article's shingle hashes, decoded straight from SQLite's buffer: dedupe calls this
    /// once per candidate, so the intermediate `Data` copy is skipped.
    func shingles(ofArticle id: Int) throws -> [UInt32] {
        let statement = try db.cachedStatement(sql: "SELECT count, shingles FROM article_shingles WHERE article = ?")
        let rows = try Row.fetchCursor(statement, arguments: [id])
        guard let row = try rows.next() else { return [] }
        let count: Int = row[0]
        do {
            return try row.withUnsafeData(atIndex: 1) { data in
                guard let data else { return [] }
                return try data.withUnsafeBytes { bytes in try ShingleBlob.hashes(from: bytes, count: count) }
            }
        } catch is ShingleBlob.Corrupt {
            throw StoreError(path: path, message: "article \(id) has shingles that do not decode", cause: .damaged)
        }
    }

    /// Calls `body` with every stored article, in table order. Without `paragraphs`, they are
    /// not read (and `StoredArticle.paragraphs` is empty). Articles stored before paragraphs
    /// were kept (store versions 1 and 2) have none.
    func forEachArticle(paragraphs: Bool = true, _ body: (StoredArticle) throws -> Void) throws {
        let columns = paragraphs ? "id, record, first_seen_run, paragraphs" : "id, record, first_seen_run"
        let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM article ORDER BY source, part")
        while let row = try rows.next() {
            var decoder = try row.withUnsafeData(atIndex: 1) { data in RecordDecoder([UInt8](data ?? Data())) }
            var article = StoredArticle(id: row[0], record: try ArticleRecord(from: &decoder), firstSeenRun: row[2])
            if paragraphs {
                article.paragraphs = try row.withUnsafeData(atIndex: 3) { data -> [ArticleParagraph] in
                    guard let data else { return [] }
                    var decoder = RecordDecoder([UInt8](data))
                    return try ArticleParagraph.decode(from: &decoder)
                }
            }
            try body(article)
        }
    }

    /// The `doc_id` of each of the articles `ids` (store ids), for `duplicate_of`.
    func documentIDs(ofArticles ids: Set<Int>) throws -> [Int: String] {
        var result: [Int: String] = [:]
        let statement = try db.cachedStatement(sql: "SELECT source, part, doc_id FROM article WHERE id = ?")
        for id in ids.sorted() {
            guard let row = try Row.fetchOne(statement, arguments: [id]) else {
                throw StoreError(path: path, message: "article \(id), kept by dedupe, is not in the store")
            }
            result[id] = TableID.document(source: row["source"], part: row["part"], textHash: row["doc_id"])
        }
        return result
    }

    /// Every stored reject, by source and then in the order they were found.
    func rejects() throws -> [Reject] {
        try Row.fetchAll(db, sql: "SELECT source, stage, reason FROM reject ORDER BY source, rowid").compactMap { row in
            guard let stage = StageName(rawValue: row["stage"]) else { return nil }
            return Reject(source: row["source"], stage: stage, reason: row["reason"])
        }
    }
}
