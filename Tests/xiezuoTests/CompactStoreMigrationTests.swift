import Foundation
import GRDB
import XCTest

@testable import XiezuoCore

/// A store written by the version before migration "v6-compact-articles" (Fixtures/store-v5:
/// the five seeds, 4-byte shingle BLOBs, records in the earlier layout) is converted when it is
/// opened: every record, shingle set and count reads back as it was, in fewer bytes, and the
/// next night over the same seeds finds them unchanged and writes the tables a new store gives.
final class CompactStoreMigrationTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("compact-migration")
        let seeds = scratch.appendingPathComponent("seeds")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        let root = XiezuoProcess.repositoryRoot.appendingPathComponent("seeds")
        for name in try FileManager.default.contentsOfDirectory(atPath: root.path) where name.hasSuffix(".txt") {
            try FileManager.default.copyItem(at: root.appendingPathComponent(name), to: seeds.appendingPathComponent(name))
        }
        try Data("{}".utf8).write(to: scratch.appendingPathComponent("pipeline.json"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func run(into output: URL) throws -> XiezuoProcess.Result {
        let result = try XiezuoProcess.run([
            "run", "--config", scratch.appendingPathComponent("pipeline.json").path, "--input",
            scratch.appendingPathComponent("seeds").path, "--output", output.path,
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    private struct Stored: Equatable {
        var record: ArticleRecord
        var paragraphs: [ArticleParagraph]
        var shingles: [UInt32]
    }

    func testAnEarlierStoreIsConvertedWithNothingLost() throws {
        let output = scratch.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let store = output.appendingPathComponent("store.sqlite").path
        try FileManager.default.copyItem(
            atPath: XiezuoProcess.repositoryRoot.appendingPathComponent("Tests/xiezuoTests/Fixtures/store-v5/store.sqlite").path,
            toPath: store)

        // What the earlier version stored, read as it wrote it.
        var before: [Int: Stored] = [:]
        var bytesBefore = (record: 0, paragraphs: 0, shingles: 0)
        let queue = try DatabaseQueue(path: store)
        try queue.read { db in
            for row in try Row.fetchAll(db, sql: "SELECT id, record, paragraphs, shingles FROM article") {
                let record = row["record"] as Data
                let paragraphs = row["paragraphs"] as Data
                let shingles = row["shingles"] as Data
                var recordDecoder = RecordDecoder([UInt8](record))
                var paragraphDecoder = RecordDecoder([UInt8](paragraphs))
                before[row["id"]] = Stored(
                    record: try ArticleRecord(from: &recordDecoder), paragraphs: try ArticleParagraph.decode(from: &paragraphDecoder),
                    shingles: StoreBlob.uint32s(from: shingles))
                bytesBefore.record += record.count
                bytesBefore.paragraphs += paragraphs.count
                bytesBefore.shingles += shingles.count
            }
        }
        try queue.close()
        XCTAssertEqual(before.count, 9)
        XCTAssertTrue(before.values.allSatisfy { !$0.paragraphs.isEmpty && !$0.shingles.isEmpty })

        // Opened by this version: converted, and read back the same.
        var after: [Int: Stored] = [:]
        var counts: [Int: Int] = [:]
        do {
            let opened = try ArticleStore(path: store)
            try opened.transaction { transaction in
                try transaction.forEachArticle { article in
                    after[article.id] = Stored(
                        record: article.record, paragraphs: article.paragraphs, shingles: try transaction.shingles(ofArticle: article.id))
                }
                let fingerprints = try transaction.fingerprints()
                for index in 0..<fingerprints.count { counts[fingerprints.ids[index]] = fingerprints.shingleCount(of: index) }
            }
        }
        XCTAssertEqual(after, before)
        XCTAssertEqual(counts, before.mapValues(\.shingles.count))
        let converted = try DatabaseQueue(path: store)
        let bytesAfter = try converted.read { db in
            (
                record: try Int.fetchOne(db, sql: "SELECT sum(length(record)) FROM article") ?? 0,
                paragraphs: try Int.fetchOne(db, sql: "SELECT sum(length(paragraphs)) FROM article") ?? 0,
                shingles: try Int.fetchOne(db, sql: "SELECT sum(length(shingles)) FROM article_shingles") ?? 0,
                layouts: try Int.fetchAll(db, sql: "SELECT DISTINCT substr(record, 1, 1) = x'02' FROM article")
            )
        }
        try converted.close()
        XCTAssertEqual(bytesAfter.layouts, [1], "every record in the compact layout")
        XCTAssertLessThan(Double(bytesAfter.record), 0.9 * Double(bytesBefore.record), "records: \(bytesBefore.record) → \(bytesAfter.record)")
        XCTAssertLessThan(
            Double(bytesAfter.paragraphs), 0.85 * Double(bytesBefore.paragraphs), "paragraphs: \(bytesBefore.paragraphs) → \(bytesAfter.paragraphs)")
        XCTAssertLessThan(Double(bytesAfter.shingles), 0.75 * Double(bytesBefore.shingles), "shingles: \(bytesBefore.shingles) → \(bytesAfter.shingles)")

        // The next night: the same seeds, unchanged, and the tables of a new store.
        let night = try run(into: output)
        XCTAssertTrue(night.stderr.contains("xiezuo: 5 sources (5 unchanged), 0 new articles, 9 documents"), night.stderr)
        let fresh = scratch.appendingPathComponent("fresh")
        let first = try run(into: fresh)
        XCTAssertTrue(first.stderr.contains("xiezuo: 5 sources (0 unchanged), 9 new articles, 9 documents"), first.stderr)
        let tables = ["documents", "paragraphs", "investments", "jobs", "projects", "summary", "rejects"]
        for table in tables {
            let path = "current/csv/\(table).csv"
            let migrated = try Data(contentsOf: output.appendingPathComponent(path))
            XCTAssertEqual(migrated, try Data(contentsOf: fresh.appendingPathComponent(path)), table)
            XCTAssertFalse(migrated.isEmpty, table)
        }
    }
}
