import Foundation
import XCTest

@testable import XiezuoCore

/// Runs the pipeline on the development set (`Fixtures/dev/inputs`, 24 real pages) and compares
/// `documents` with `Fixtures/dev/documents.jsonl`: the articles of each page, and per article
/// its title, publication date and outlet. Prints the shares, asserts issue 15's bars.
///
/// Titles are compared as `documents.title` is written: in Simplified Chinese. A gold title in
/// the page's own Traditional script goes through the pipeline's own OpenCC conversion (the
/// `t2s.json` it runs) when the pipeline found that article Traditional; both sides are
/// normalised like every line the pipeline reads (full-width ASCII folded, spaces collapsed).
final class DevDocumentsTests: XCTestCase {
    private static let dev = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/dev")

    static func loadGold() throws -> [DevDocument] {
        let lines = try String(contentsOf: dev.appendingPathComponent("documents.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        return try lines.map { try JSONDecoder().decode(DevDocument.self, from: Data($0.utf8)) }
    }

    func testDevSetTitlesDatesAndArticlesMeetTheBars() throws {
        let output = try XiezuoProcess.temporaryDirectory("dev-documents")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try XiezuoProcess.run([
            "run", "--input", Self.dev.appendingPathComponent("inputs").path, "--output", output.path,
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = try OutputTables(directory: output).rows("documents")
        var predicted: [String: [[String: String]]] = [:]
        // The gold names a page by its file name; `source` is its path (…/Fixtures/dev/inputs/dev_01.html).
        for row in rows {
            predicted[(row["source"] ?? "").split(separator: "/").last.map(String.init) ?? "", default: []].append(row)
        }
        for source in predicted.keys {
            predicted[source]?.sort { Int($0["part"] ?? "") ?? 0 < Int($1["part"] ?? "") ?? 0 }
        }

        let gold = try Self.loadGold()
        let converter = TraditionalConverter(configuration: TraditionalConverter.stockConfiguration, singlePass: try TestResources.resources().openCCSinglePass)
        var goldCounts: [String: Int] = [:]
        for document in gold { goldCounts[document.source, default: 0] += 1 }

        var titlesRight = 0
        var datesStated = 0
        var datesFound = 0
        var datesWrong: [String] = []
        var outletsRight = 0
        for document in gold {
            let label = "\(document.source) part \(document.part)"
            let rows = predicted[document.source] ?? []
            let row = document.part < rows.count ? rows[document.part] : nil
            var expected = document.title
            if row?["script"] == "hant" { expected = try converter.convert(expected) }
            let title = row?["title"] ?? ""
            if Self.normalized(title) == Self.normalized(expected) {
                titlesRight += 1
            } else {
                print("dev documents: \(label) title \(title.debugDescription), expected \(expected.debugDescription)")
            }
            let published = row?["published"].flatMap { $0.isEmpty ? nil : $0 }
            if let stated = document.published {
                datesStated += 1
                if published == stated { datesFound += 1 }
            }
            if let published, published != document.published {
                datesWrong.append("\(label): \(published), expected \(document.published ?? "none")")
            }
            if published == nil, let stated = document.published {
                print("dev documents: \(label) date not found, expected \(stated)")
            }
            let outlet = row?["outlet"].flatMap { $0.isEmpty ? nil : $0 }
            if outlet == document.outlet {
                outletsRight += 1
            } else {
                print("dev documents: \(label) outlet \(outlet ?? "none"), expected \(document.outlet ?? "none")")
            }
        }
        let titles = Double(titlesRight) / Double(gold.count)
        let dates = Double(datesFound) / Double(datesStated)
        let outlets = Double(outletsRight) / Double(gold.count)
        print(
            "dev documents: \(gold.count) articles; titles \(titlesRight)/\(gold.count), dates found "
                + "\(datesFound)/\(datesStated), wrong dates \(datesWrong.count), "
                + "outlets \(outletsRight)/\(gold.count)")

        for (source, count) in goldCounts.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(predicted[source]?.count ?? 0, count, "\(source): articles")
        }
        XCTAssertEqual(Set(predicted.keys), Set(goldCounts.keys), "every dev page gives its articles")
        XCTAssertGreaterThanOrEqual(titles, 0.9, "titles right")
        XCTAssertGreaterThanOrEqual(dates, 0.9, "dates found of those the pages state")
        XCTAssertEqual(datesWrong, [], "no wrong date")
        XCTAssertGreaterThanOrEqual(outlets, 0.9, "outlets right")
    }

    /// Folded like the pipeline folds every line it reads (`LineNormalizer`).
    private static func normalized(_ title: String) -> [Unicode.Scalar] {
        LineNormalizer.normalize(Array(title.unicodeScalars))
    }
}
