import Foundation
import GRDB

/// Every article xiezuo has read, with its fingerprints and facts, in SQLite through GRDB.
///
/// With `dedupe.scope: "history"` the store persists between nights: tonight's articles are
/// compared with all earlier ones, unchanged sources are not processed again, and the tables
/// are written from the whole history. With `"run"` a throw-away store beside the staging
/// directory plays the same part for one run, so both scopes share one code path. Each run is
/// numbered (`run`), and each article keeps the run that first stored it (`first_seen_run`).
///
/// A final class owns the `DatabaseQueue`, GRDB's serial connection: all access goes through
/// it, on its own queue.
///
/// Opening refuses a store (or journal) that is a symbolic link or no regular file, and runs
/// SQLite's `quick_check` on an existing store: a damaged page fails the run at once instead of
/// going unnoticed, or crashing a later read, for night after night.
final class ArticleStore {
    let path: String
    /// Whether the file did not exist and was created by this open: a new, empty history.
    let created: Bool
    private let queue: DatabaseQueue

    /// The files SQLite keeps beside the store: a link at any of them would be written through.
    static let companionSuffixes = ["", "-journal", "-wal", "-shm"]

    init(path: String) throws(StoreError) {
        self.path = path
        for suffix in Self.companionSuffixes {
            if let problem = PlainFile.problem(at: path + suffix) {
                let error = PlainFileError(path: path + suffix, problem: problem)
                throw StoreError(path: path, message: "cannot be opened: \(error)", cause: .notAPlainFile)
            }
        }
        created = !FileManager.default.fileExists(atPath: path)
        do {
            var configuration = Configuration()
            configuration.label = "xiezuo.store"
            configuration.prepareDatabase { db in
                // A bounded page cache whatever the store's size: the run streams through the
                // store rather than holding it.
                try db.execute(sql: "PRAGMA cache_size = -\(Self.storingCacheKiB)")
            }
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError(path: path, doing: "cannot be opened", error: error)
        }
        if !created { try check() }
        do {
            let migrator = Self.migrator
            let compacting = try !created && queue.read { db in try !migrator.appliedIdentifiers(db).contains(Self.compaction) }
            try migrator.migrate(queue)
            // The compact layouts leave the pages of the old ones free inside the file (a 20 MB
            // corpus's store: 28.7 MB before, 44.3 MB after the migration, 21.9 MB after this).
            // VACUUM rewrites the file once, in a transaction of its own after the migration's.
            if compacting { try queue.vacuum() }
        } catch {
            throw StoreError(path: path, doing: "cannot be opened", error: error)
        }
    }

    /// SQLite's page cache while the read step stores articles, in KiB: its inserts into the
    /// articles' tables and indexes gain from it.
    static let storingCacheKiB = 8192
    /// The page cache once the articles are stored (`StoreTransaction.cacheForReading`).
    static let readingCacheKiB = 2048

    /// The migration that made what the store keeps per article compact.
    static let compaction = "v6-compact-articles"

    /// SQLite's `quick_check`: every page's structure, cell bounds, free lists and NOT NULL
    /// columns, in one read of the file (not the index-against-table comparison of
    /// `integrity_check`, which costs a sort per index).
    private func check() throws(StoreError) {
        let findings: [String]
        do {
            findings = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(10)") }
        } catch {
            throw StoreError(path: path, doing: "cannot be opened", error: error)
        }
        guard findings != ["ok"] else { return }
        // SQLite heads its list with "*** in database main ***"; the findings follow, one a line.
        let lines = findings.flatMap { $0.split(separator: "\n").map(String.init) }.filter { !$0.hasPrefix("*** ") }
        let listed = lines.prefix(3).joined(separator: "; ")
        throw StoreError(path: path, message: "is damaged (SQLite quick_check: \(listed))", cause: .damaged)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE source (
                        name TEXT PRIMARY KEY NOT NULL,
                        content_hash TEXT NOT NULL,
                        bytes INTEGER NOT NULL,
                        run INTEGER NOT NULL);
                    CREATE TABLE article (
                        id INTEGER PRIMARY KEY,
                        source TEXT NOT NULL,
                        part INTEGER NOT NULL,
                        doc_id TEXT NOT NULL,
                        exact_key INTEGER NOT NULL,
                        published TEXT,
                        chars INTEGER NOT NULL,
                        record BLOB NOT NULL,
                        shingles BLOB NOT NULL,
                        band_keys BLOB NOT NULL,
                        run INTEGER NOT NULL,
                        UNIQUE (source, part));
                    CREATE TABLE reject (
                        source TEXT NOT NULL,
                        stage TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        run INTEGER NOT NULL);
                    CREATE INDEX reject_source ON reject (source);
                    CREATE TABLE run (
                        id INTEGER PRIMARY KEY,
                        config_hash TEXT NOT NULL,
                        sources INTEGER NOT NULL);
                    """
            )
        }
        // v2: what servers said to identify each URL's version (ETag, Last-Modified), for
        // conditional requests. `content_hash` ties them to the bytes the store processed.
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE http_validator (
                        url TEXT PRIMARY KEY NOT NULL,
                        etag TEXT,
                        last_modified TEXT,
                        content_hash TEXT NOT NULL);
                    """
            )
        }
        migrator.registerMigration("v3: paragraphs") { db in
            // Where each paragraph came from in its source (the `paragraphs` table); NULL for
            // articles stored before. The next run processes again every earlier source it is
            // given ("v5-processor-identity"), which fills the column in for them; articles of
            // sources no longer given keep their rows, without paragraphs.
            try db.execute(sql: "ALTER TABLE article ADD COLUMN paragraphs BLOB")
        }
        // Band keys move to a narrow table of their own: dedupe reads them once per group of
        // bands, and in `article` they sat behind the large record and shingles BLOBs, so every
        // read walked those BLOBs' overflow pages.
        migrator.registerMigration("v4: band keys") { db in
            try db.execute(
                sql: """
                    CREATE TABLE article_band_keys (
                        article INTEGER PRIMARY KEY NOT NULL,
                        band_keys BLOB NOT NULL);
                    INSERT INTO article_band_keys (article, band_keys) SELECT id, band_keys FROM article;
                    ALTER TABLE article DROP COLUMN band_keys;
                    """
            )
        }
        // Lineage: the run that first stored each article (`first_seen_run` in the tables), and
        // when and by which version each run ran. Articles stored before count as first seen by
        // the run that stored them.
        migrator.registerMigration("v5-lineage") { db in
            try db.execute(
                sql: """
                    ALTER TABLE article ADD COLUMN first_seen_run INTEGER NOT NULL DEFAULT 0;
                    UPDATE article SET first_seen_run = run;
                    ALTER TABLE run ADD COLUMN version TEXT;
                    ALTER TABLE run ADD COLUMN started TEXT;
                    ALTER TABLE run ADD COLUMN finished TEXT;
                    """
            )
        }
        // Sources are named by their path relative to pipeline.json (absolute outside it), no
        // longer relative to the input root they came from. The names stored until now are kept
        // as legacy names, with the content hash stored for each: a file whose bytes have that
        // hash takes the history over (`StoreTransaction.adoptLegacySource`); any other stays
        // as it was, so nothing of the history is lost. URLs kept their names.
        migrator.registerMigration("v5-source-identity") { db in
            try db.execute(
                sql: """
                    CREATE TABLE legacy_source_name (name TEXT PRIMARY KEY NOT NULL, content_hash TEXT);
                    INSERT INTO legacy_source_name (name, content_hash)
                        SELECT name, nullif(content_hash, '') FROM source;
                    INSERT OR IGNORE INTO legacy_source_name (name)
                        SELECT source FROM article UNION SELECT source FROM reject;
                    DELETE FROM legacy_source_name WHERE name LIKE 'http://%' OR name LIKE 'https://%';
                    """
            )
        }
        migrator.registerMigration("v5-attribution") { _ in
            // Year basis, canonical regions with codes, partner regions and programmes are
            // appended to each record; records stored before decode without them, and the next
            // run processes again every earlier source it is given ("v5-processor-identity"),
            // which fills them in. (This migration used to forget the content hashes to that end.)
        }
        // Each article's figure signature (`FigureSignature`), beside its band keys: dedupe holds
        // every signature to keep apart copies that report other figures. NULL for articles
        // stored before, until the next run processes their sources again.
        migrator.registerMigration("v5-figure-signatures") { db in
            try db.execute(sql: "ALTER TABLE article_band_keys ADD COLUMN figures BLOB")
        }
        // What made each source's articles: the identity of the `ArticleProcessor` (xiezuo's
        // rules version, the clean and extract settings, the fingerprint parameters and the rule
        // tables). A source counts as unchanged only when its bytes and this identity both are,
        // so that a new version's rules or a changed setting reach every source given again.
        // NULL for sources stored before: nothing says what made them, so the next run processes
        // every source it is given again (this replaces the migrations that forgot the content
        // hashes to that end). Each run records the identity it ran with, for lineage.
        migrator.registerMigration("v5-processor-identity") { db in
            try db.execute(sql: "ALTER TABLE source ADD COLUMN processor TEXT")
            try db.execute(sql: "ALTER TABLE run ADD COLUMN processor TEXT")
        }
        // What the store keeps per article, made smaller (20 MB corpus: docs/profile.md, "Issue
        // 18, third step"). The shingles move to a table of their own, Rice-coded
        // (`ShingleBlob`, about 2.8 bytes a hash instead of 4) with their count beside them: in
        // `article` they sat between the record and the columns after it, so every read of the
        // records walked their overflow pages, and dedupe needs them only for candidate pairs.
        // Records and paragraphs are rewritten in their compact layouts (`ArticleRecord
        // .encode(to:)`, `ArticleParagraph.encode(_:to:)`); one that does not decode keeps its
        // bytes, so that reading it reports the damage as before.
        migrator.registerMigration(compaction) { db in
            try db.execute(
                sql: """
                    CREATE TABLE article_shingles (
                        article INTEGER PRIMARY KEY NOT NULL,
                        count INTEGER NOT NULL,
                        shingles BLOB NOT NULL);
                    """)
            let insertShingles = try db.makeStatement(
                sql: "INSERT INTO article_shingles (article, count, shingles) VALUES (?, ?, ?)")
            let updateRecord = try db.makeStatement(sql: "UPDATE article SET record = ? WHERE id = ?")
            let updateParagraphs = try db.makeStatement(sql: "UPDATE article SET paragraphs = ? WHERE id = ?")
            let select = try db.makeStatement(sql: "SELECT id, shingles, record, paragraphs FROM article WHERE id = ?")
            // The ids first: rows are rewritten one by one, not under a cursor over their table.
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM article ORDER BY id") {
                guard let row = try Row.fetchOne(select, arguments: [id]) else { continue }
                let hashes = try row.withUnsafeData(atIndex: 1) { data in StoreBlob.uint32s(from: data ?? Data()) }
                // Stored sorted and distinct (`ShingleSet`); the set is made again all the same.
                let set = ShingleSet(hashes: hashes).hashes
                try insertShingles.execute(arguments: [id, set.count, Data(ShingleBlob.bytes(of: set))])
                let record = try row.withUnsafeData(atIndex: 2) { data -> ArticleRecord? in
                    var decoder = RecordDecoder([UInt8](data ?? Data()))
                    return try? ArticleRecord(from: &decoder)
                }
                if let record {
                    var encoder = RecordEncoder()
                    record.encode(to: &encoder)
                    try updateRecord.execute(arguments: [Data(encoder.bytes), id])
                }
                // NULL for articles stored before paragraphs were kept: they stay without.
                let paragraphs = try row.withUnsafeData(atIndex: 3) { data -> [ArticleParagraph]? in
                    guard let data else { return nil }
                    var decoder = RecordDecoder([UInt8](data))
                    return try? ArticleParagraph.decode(from: &decoder)
                }
                if let paragraphs {
                    var encoder = RecordEncoder()
                    ArticleParagraph.encode(paragraphs, to: &encoder)
                    try updateParagraphs.execute(arguments: [Data(encoder.bytes), id])
                }
            }
            try db.execute(sql: "ALTER TABLE article DROP COLUMN shingles")
        }
        return migrator
    }

    /// Every legacy name (see migration "v5-source-identity") with its content hashes.
    func legacySources() throws(StoreError) -> [String: LegacySource] {
        do {
            return try queue.read { db in
                var sources: [String: LegacySource] = [:]
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT l.name, l.content_hash AS legacy_hash, s.content_hash, s.processor FROM legacy_source_name l
                        LEFT JOIN source s ON s.name = l.name
                        """)
                while let row = try rows.next() {
                    let stored = (row["content_hash"] as String?).map { SourceVersion(contentHash: $0, processor: row["processor"]) }
                    sources[row["name"]] = LegacySource(legacyHash: row["legacy_hash"], stored: stored)
                }
                return sources
            }
        } catch {
            throw StoreError(path: path, message: "cannot be read (\(error))")
        }
    }

    /// The number of the latest run the store at `path` holds, read without changing the file
    /// (no migration): a full refresh leaves the old store as it is until it replaces it.
    static func latestRun(readingOnly path: String) throws(StoreError) -> Int {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in try Int.fetchOne(db, sql: "SELECT max(id) FROM run") ?? 0 }
        } catch {
            throw StoreError(path: path, message: "cannot be read (\(error))")
        }
    }

    /// URL → validators to send, for the URLs whose stored articles came from the response the
    /// validators belong to (their content hash is still the source's) and were made by
    /// `processor` (an `ArticleProcessor`'s identity). Others are downloaded whole: a 304 must
    /// never stand for articles the store does not hold, nor for articles other rules made.
    func validators(processor: String) throws(StoreError) -> [String: HTTPValidators] {
        do {
            return try queue.read { db in
                var validators: [String: HTTPValidators] = [:]
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT v.url, v.etag, v.last_modified FROM http_validator v
                        JOIN source s ON s.name = v.url AND s.content_hash = v.content_hash AND s.processor = ?
                        """, arguments: [processor])
                while let row = try rows.next() {
                    validators[row["url"]] = HTTPValidators(etag: row["etag"], lastModified: row["last_modified"])
                }
                return validators
            }
        } catch {
            throw StoreError(path: path, doing: "cannot be read", error: error)
        }
    }

    /// Name → what made the stored articles of every source processed so far.
    func sources() throws(StoreError) -> [String: SourceVersion] {
        do {
            return try queue.read { db in
                var sources: [String: SourceVersion] = [:]
                let rows = try Row.fetchCursor(db, sql: "SELECT name, content_hash, processor FROM source")
                while let row = try rows.next() {
                    sources[row["name"]] = SourceVersion(contentHash: row["content_hash"], processor: row["processor"])
                }
                return sources
            }
        } catch {
            throw StoreError(path: path, doing: "cannot be read", error: error)
        }
    }

    /// Runs `body` in one write transaction: everything it changes is committed together, or,
    /// when it throws (or the process dies), not at all.
    func transaction<Result>(_ body: (StoreTransaction) throws -> Result) throws -> Result {
        try queue.write { db in try body(StoreTransaction(db: db, path: path)) }
    }
}
