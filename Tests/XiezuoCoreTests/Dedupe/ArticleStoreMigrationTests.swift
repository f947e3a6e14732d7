import Foundation
import GRDB
import XCTest

@testable import XiezuoCore

/// A store written before band keys had a table of their own (migration "v1" only) opens with
/// its articles, band keys and shingles intact, so an upgrade does not reset a history.
final class ArticleStoreMigrationTests: XCTestCase {
    func testAVersion1StoreKeepsItsArticlesAndBandKeys() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("store.sqlite").path
        let bandKeys: [UInt64] = [1, 0xFFFF_FFFF_FFFF_FFFF, 42]
        let shingles: [UInt32] = [3, 5, 8]
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                    INSERT INTO grdb_migrations VALUES ('v1');
                    CREATE TABLE source (name TEXT PRIMARY KEY NOT NULL, content_hash TEXT NOT NULL,
                        bytes INTEGER NOT NULL, run INTEGER NOT NULL);
                    CREATE TABLE article (id INTEGER PRIMARY KEY, source TEXT NOT NULL, part INTEGER NOT NULL,
                        doc_id TEXT NOT NULL, exact_key INTEGER NOT NULL, published TEXT, chars INTEGER NOT NULL,
                        record BLOB NOT NULL, shingles BLOB NOT NULL, band_keys BLOB NOT NULL, run INTEGER NOT NULL,
                        UNIQUE (source, part));
                    CREATE TABLE reject (source TEXT NOT NULL, stage TEXT NOT NULL, reason TEXT NOT NULL, run INTEGER NOT NULL);
                    CREATE INDEX reject_source ON reject (source);
                    CREATE TABLE run (id INTEGER PRIMARY KEY, config_hash TEXT NOT NULL, sources INTEGER NOT NULL);
                    """
            )
            try db.execute(
                sql: """
                    INSERT INTO article (id, source, part, doc_id, exact_key, published, chars, record, shingles, band_keys, run)
                    VALUES (7, 'a.txt', 0, '00000000000000ff', -2, '2024-05-01', 120, x'00', ?, ?, 1)
                    """,
                arguments: [Data(StoreBlob.bytes(of: shingles)), Data(StoreBlob.bytes(of: bandKeys))]
            )
        }
        try queue.close()

        let store = try ArticleStore(path: path)
        try store.transaction { transaction in
            let fingerprints = try transaction.fingerprints()
            XCTAssertEqual(fingerprints.count, 1)
            XCTAssertEqual(fingerprints.ids, [7])
            XCTAssertEqual(fingerprints.exactKeys, [UInt64(bitPattern: -2)])
            XCTAssertEqual(fingerprints.shingleCount(of: 0), 3)
            var scanned: [[UInt64]] = []
            try transaction.forEachBandKeys { index, keys in
                XCTAssertEqual(index, scanned.count)
                scanned.append(keys)
            }
            XCTAssertEqual(scanned, [bandKeys])
            XCTAssertEqual(try transaction.shingles(ofArticle: 7), shingles)
        }
    }

    /// A store written before figure signatures were kept opens with its articles (their
    /// figures empty), and its sources carry no processor identity, so that the next run
    /// processes again every source it is given and their figures take part in dedupe.
    func testAStoreWithoutFigureSignaturesIsUpgradedAndItsSourcesProcessedAgain() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("store.sqlite").path
        // A current store, taken back to the version before signatures (and so before the
        // compact layouts, "v6-compact-articles": shingles in `article`, 4 bytes each).
        _ = try ArticleStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: """
                    ALTER TABLE article_band_keys DROP COLUMN figures;
                    DROP TABLE article_shingles;
                    ALTER TABLE article ADD COLUMN shingles BLOB NOT NULL DEFAULT x'';
                    DELETE FROM grdb_migrations WHERE identifier IN ('v5-figure-signatures', 'v6-compact-articles');
                    INSERT INTO source (name, content_hash, bytes, run) VALUES ('a.txt', 'abc', 10, 1);
                    INSERT INTO article (id, source, part, doc_id, exact_key, published, chars, record, shingles, run)
                    VALUES (3, 'a.txt', 0, '00000000000000aa', 5, NULL, 80, x'00', x'0100000002000000', 1);
                    INSERT INTO article_band_keys (article, band_keys) VALUES (3, x'0900000000000000');
                    """)
        }
        try queue.close()

        let store = try ArticleStore(path: path)
        // No processor is recorded for the source: its bytes match no processor's, so the next
        // run processes it again.
        let version = try XCTUnwrap(try store.sources()["a.txt"])
        XCTAssertEqual(version, SourceVersion(contentHash: "abc", processor: nil))
        let processor = try ArticleProcessor(config: PipelineConfig(), resources: TestResources.resources())
        XCTAssertFalse(version.matches(contentHash: "abc", processor: processor.identity))
        try store.transaction { transaction in
            let fingerprints = try transaction.fingerprints()
            XCTAssertEqual(fingerprints.ids, [3])
            XCTAssertEqual(Array(fingerprints.figures(of: 0)), [])
            XCTAssertEqual(fingerprints.shingleCount(of: 0), 2)
        }
    }
}
