import Foundation
import GRDB
import XCTest

@testable import XiezuoCore

/// A store written when sources were named by their path below their input root: a file found
/// again with the bytes stored under its old name takes that history over (it is unchanged,
/// under its new name); an old name whose file changed keeps its articles. Nothing is lost.
final class SourceIdentityMigrationTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("identity-migration")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func place(_ seed: String?, at relative: String) throws {
        let target = scratch.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard let seed else { return try Data().write(to: target) }
        try FileManager.default.copyItem(at: XiezuoProcess.repositoryRoot.appendingPathComponent("seeds/\(seed)"), to: target)
    }

    private func run(_ inputs: [String], _ output: URL) throws -> XiezuoProcess.Result {
        let config = scratch.appendingPathComponent("pipeline.json")
        try Data("{}".utf8).write(to: config)
        let result = try XiezuoProcess.run(
            ["run", "--config", config.path, "--input"] + inputs.map { scratch.appendingPathComponent($0).path } + ["--output", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    /// Rewrites the store as the version before "v5-source-identity", "v5-attribution" and
    /// "v5-figure-signatures" left it: every file source under its path below its input root, no
    /// legacy table, no figure signatures (the records keep their attribution, which such a
    /// store's records lack and the next night restores).
    private func downgrade(_ store: String, renaming names: [String: String]) throws {
        let queue = try DatabaseQueue(path: store)
        try queue.write { db in
            try db.execute(
                sql: """
                    DROP TABLE legacy_source_name;
                    DELETE FROM grdb_migrations
                        WHERE identifier IN ('v5-source-identity', 'v5-attribution', 'v5-figure-signatures', 'v5-processor-identity');
                    ALTER TABLE article_band_keys DROP COLUMN figures;
                    ALTER TABLE source DROP COLUMN processor;
                    ALTER TABLE run DROP COLUMN processor
                    """)
            for (name, old) in names {
                try db.execute(sql: "UPDATE source SET name = ? WHERE name = ?", arguments: [old, name])
                try db.execute(sql: "UPDATE reject SET source = ? WHERE source = ?", arguments: [old, name])
                for row in try Row.fetchAll(db, sql: "SELECT id, record FROM article WHERE source = ?", arguments: [name]) {
                    var decoder = RecordDecoder([UInt8](row["record"] as Data))
                    var record = try ArticleRecord(from: &decoder)
                    record.source = old
                    var encoder = RecordEncoder()
                    record.encode(to: &encoder)
                    try db.execute(
                        sql: "UPDATE article SET source = ?, record = ? WHERE id = ?",
                        arguments: [old, Data(encoder.bytes), row["id"] as Int])
                }
            }
        }
        try queue.close()
    }

    /// The fact ids of the articles whose source starts with `prefix`.
    private func factIDs(_ output: URL, sourcesStartingWith prefix: String) throws -> Set<String> {
        let tables = OutputTables(directory: output)
        let documents = Set(try tables.rows("documents").filter { ($0["source"] ?? "").hasPrefix(prefix) }.map { $0["doc_id"] ?? "" })
        var ids: Set<String> = []
        for table in ["investments", "jobs", "projects"] {
            ids.formUnion(try tables.rows(table).filter { documents.contains($0["doc_id"] ?? "") }.map { $0["fact_id"] ?? "" })
        }
        return ids
    }

    func testAStoreOfEarlierNamesKeepsItsHistoryAndHandsItOnlyToTheSameBytes() throws {
        try place("003_4699d6883134dee7.txt", at: "crawl/2026-12-01/page001.html")
        try place("001_3a25b0911a74f829.txt", at: "crawl/2026-12-02/page001.html")
        try place("000_f214322e6fea6c14.txt", at: "archive/a.txt")
        try place(nil, at: "archive/empty.txt")
        let output = scratch.appendingPathComponent("out")
        _ = try run(["crawl/2026-12-01", "archive"], output)
        let firstNight = try OutputTables(directory: output).factsByText()
        let archive = try factIDs(output, sourcesStartingWith: "archive/")
        XCTAssertFalse(archive.isEmpty)
        try downgrade(
            output.appendingPathComponent("store.sqlite").path,
            renaming: ["crawl/2026-12-01/page001.html": "page001.html", "archive/a.txt": "a.txt", "archive/empty.txt": "empty.txt"])

        // The next night, by the new version: another night's page001.html, the same archive.
        // The upgrade also has every source extracted again, so nothing is unchanged tonight.
        let upgraded = try run(["crawl/2026-12-02", "archive"], output)
        XCTAssertTrue(upgraded.stderr.contains("xiezuo: 3 sources (0 unchanged), 4 new articles"), upgraded.stderr)
        let documents = try OutputTables(directory: output).rows("documents")
        XCTAssertEqual(
            documents.map { $0["source"] ?? "" },
            ["archive/a.txt", "archive/a.txt", "archive/a.txt", "crawl/2026-12-02/page001.html", "page001.html"])
        XCTAssertEqual(documents.map { $0["first_seen_run"] ?? "" }, ["1", "1", "1", "2", "1"])
        XCTAssertEqual(documents.filter { !($0["duplicate_of"] ?? "").isEmpty }.count, 0)
        let paragraphDocuments = Set(try OutputTables(directory: output).rows("paragraphs").map { $0["doc_id"] ?? "" })
        XCTAssertEqual(paragraphDocuments, Set(documents.map { $0["doc_id"] ?? "" }))
        XCTAssertEqual(try OutputTables(directory: output).rows("rejects").map { $0["source"] ?? "" }, ["archive/empty.txt"])
        // Every fact of the first night is still there, with the new night's; those of the files
        // that took their history over have the ids a store of new names gives them.
        let both = try OutputTables(directory: output).factsByText()
        XCTAssertTrue(firstNight.isSubset(of: both))
        XCTAssertGreaterThan(both.count, firstNight.count)
        XCTAssertEqual(try factIDs(output, sourcesStartingWith: "archive/"), archive)

        // The night after, the adopted sources are simply unchanged; the legacy history stays.
        let third = try run(["crawl/2026-12-02", "archive"], output)
        XCTAssertTrue(third.stderr.contains("xiezuo: 3 sources (3 unchanged), 0 new articles, 5 documents"), third.stderr)
    }
}
