import Foundation
import GRDB

/// Every article xiezuo has read, with its fingerprints and facts, in SQLite through GRDB.
///
/// With `dedupe.scope: "history"` the store persists between nights: tonight's articles are
/// compared with all earlier ones, unchanged sources are not processed again, and the tables
/// are written from the whole history. With `"run"` a throw-away store in the staging
/// directory plays the same part for one run, so both scopes share one code path.
///
/// A final class owns the `DatabaseQueue`, GRDB's serial connection: all access goes through
/// it, on its own queue.
final class ArticleStore {
    let path: String
    private let queue: DatabaseQueue

    init(path: String) throws(StoreError) {
        self.path = path
        do {
            try FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true
            )
            var configuration = Configuration()
            configuration.label = "xiezuo.store"
            configuration.prepareDatabase { db in
                // A bounded page cache (8 MiB) whatever the store's size: the run streams
                // through the store rather than holding it.
                try db.execute(sql: "PRAGMA cache_size = -8192")
            }
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(queue)
        } catch {
            throw StoreError(path: path, message: "cannot be opened (\(error))")
        }
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
            // articles stored before. Forgetting the content hashes makes the next run clean
            // again every earlier source it is given, which fills the column in for them;
            // articles of sources no longer given keep their rows, without paragraphs.
            try db.execute(sql: "ALTER TABLE article ADD COLUMN paragraphs BLOB")
            try db.execute(sql: "UPDATE source SET content_hash = ''")
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
        // Each article's figure signature (`FigureSignature`), beside its band keys: dedupe holds
        // every signature to keep apart copies that report other figures. NULL for articles
        // stored before; forgetting the content hashes makes the next run process again every
        // earlier source it is given, which fills it in for them.
        migrator.registerMigration("v5-figure-signatures") { db in
            try db.execute(sql: "ALTER TABLE article_band_keys ADD COLUMN figures BLOB")
            try db.execute(sql: "UPDATE source SET content_hash = ''")
        }
        return migrator
    }

    /// URL → validators to send, for the URLs whose stored articles came from the response the
    /// validators belong to (their content hash is still the source's). Others are downloaded
    /// whole: a 304 must never stand for articles the store does not hold.
    func validators() throws(StoreError) -> [String: HTTPValidators] {
        do {
            return try queue.read { db in
                var validators: [String: HTTPValidators] = [:]
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT v.url, v.etag, v.last_modified FROM http_validator v
                        JOIN source s ON s.name = v.url AND s.content_hash = v.content_hash
                        """)
                while let row = try rows.next() {
                    validators[row["url"]] = HTTPValidators(etag: row["etag"], lastModified: row["last_modified"])
                }
                return validators
            }
        } catch {
            throw StoreError(path: path, message: "cannot be read (\(error))")
        }
    }

    /// Name → content hash of every source processed so far.
    func sourceHashes() throws(StoreError) -> [String: String] {
        do {
            return try queue.read { db in
                var hashes: [String: String] = [:]
                let rows = try Row.fetchCursor(db, sql: "SELECT name, content_hash FROM source")
                while let row = try rows.next() { hashes[row["name"]] = row["content_hash"] }
                return hashes
            }
        } catch {
            throw StoreError(path: path, message: "cannot be read (\(error))")
        }
    }

    /// Runs `body` in one write transaction: everything it changes is committed together, or,
    /// when it throws (or the process dies), not at all.
    func transaction<Result>(_ body: (StoreTransaction) throws -> Result) throws -> Result {
        try queue.write { db in try body(StoreTransaction(db: db, path: path)) }
    }
}
