import Foundation
import XCTest

/// Runs the pipeline on seeds/ and scores it against the gold of ../shared/gold/seeds.jsonl
/// (a copy is kept in Fixtures so the suite runs from a lone clone).
final class GoldTests: XCTestCase {
    static func loadGold() throws -> [GoldFact] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/gold-seeds.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        return try lines.map { try JSONDecoder().decode(GoldFact.self, from: Data($0.utf8)) }
    }

    static func predictions(in output: OutputTables) throws -> [GoldScorer.Prediction] {
        var sources: [String: String] = [:]
        for document in try output.rows("documents") { sources[document["doc_id"] ?? ""] = document["source"] }
        var predictions: [GoldScorer.Prediction] = []
        for (table, valueColumn) in [("investments", "amount_cny"), ("jobs", "count"), ("projects", "count")] {
            for row in try output.rows(table) {
                predictions.append(
                    GoldScorer.Prediction(
                        source: sources[row["doc_id"] ?? ""] ?? "", table: table, category: row["category"] ?? "",
                        value: Double(row[valueColumn] ?? "") ?? .nan, qualifier: row["qualifier"] ?? "",
                        year: Int(row["year"] ?? ""), region: (row["region"] ?? "").isEmpty ? nil : row["region"],
                        partnerRegion: (row["partner_region"] ?? "").isEmpty ? nil : row["partner_region"],
                        text: row["text"] ?? ""
                    )
                )
            }
        }
        return predictions
    }

    func testFixtureGoldMatchesTheSharedContract() throws {
        let shared = XiezuoProcess.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/gold/seeds.jsonl")
        guard FileManager.default.fileExists(atPath: shared.path) else {
            throw XCTSkip("../shared/gold/seeds.jsonl is not beside this clone")
        }
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/gold-seeds.jsonl")
        XCTAssertEqual(try Data(contentsOf: shared), try Data(contentsOf: fixture), "refresh Fixtures/gold-seeds.jsonl from ../shared")
    }

    func testSeedsMeetTheGoldTargets() throws {
        let output = try XiezuoProcess.temporaryDirectory("gold")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try XiezuoProcess.run(["run", "--input", "seeds", "--output", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let scores = GoldScorer(gold: try Self.loadGold()).score(try Self.predictions(in: OutputTables(directory: output)))
        for table in ["investments", "jobs", "projects"] {
            guard let score = scores[table] else { return XCTFail("no score for \(table)") }
            print("gold \(score)")
            for miss in score.missed { print("  missed: \(miss)") }
            for falsePositive in score.falsePositives { print("  false positive: \(falsePositive)") }
            XCTAssertEqual(score.recall, 1.0, "\(table) required recall")
            XCTAssertGreaterThanOrEqual(score.precision, 0.95, "\(table) precision")
            XCTAssertGreaterThanOrEqual(score.share(score.categoryRight), 0.95, "\(table) category")
            XCTAssertGreaterThanOrEqual(score.share(score.qualifierRight), 0.95, "\(table) qualifier")
            XCTAssertGreaterThanOrEqual(score.share(score.yearRight), 0.9, "\(table) year")
            XCTAssertGreaterThanOrEqual(score.share(score.regionRight), 0.8, "\(table) region")
            print("gold \(score.attribution)")
            XCTAssertGreaterThanOrEqual(score.requiredShare(score.requiredYearRight), 0.9, "\(table) year of required facts")
            XCTAssertGreaterThanOrEqual(score.requiredShare(score.requiredRegionRight), 0.85, "\(table) region of required facts")
            XCTAssertLessThan(score.wrongYearShare, 0.03, "\(table) wrong years")
        }
    }
}
