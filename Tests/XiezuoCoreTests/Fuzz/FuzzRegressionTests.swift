import Foundation
import XCTest

@testable import XiezuoCore

/// Replays every input under `Fixtures/` through one source's clean + extract + fingerprint,
/// the path `xiezuo-fuzz` fuzzes. `scripts/fuzz.sh` saves each crash, leak or slow input it
/// finds there; the hand-made inputs beside them are the hostile shapes it starts from. Each
/// must come back (articles or a reject) within `limit` seconds.
final class FuzzRegressionTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let limit = 10.0

    func testEverySavedInputCompletesWithinTheLimit() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertFalse(names.isEmpty, "no fixtures in \(Self.fixtures.path)")
        let clean = try TestResources.cleanStage(); try clean.prepare()
        let extract = ExtractStage(config: ExtractConfig(), gazetteer: try TestResources.gazetteer(), programmes: try TestResources.programmes())
        for name in names {
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: Self.fixtures.appendingPathComponent(name).path))
            let start = DispatchTime.now().uptimeNanoseconds
            let source = SourceDocument(name: name, bytes: [UInt8](bytes))
            var outcome = "rejected"
            if let articles = try? clean.articles(from: source) {
                var facts = 0
                for article in articles {
                    let found = extract.facts(in: article)
                    facts += found.count
                    _ = ArticleFingerprint(article: article, facts: found, parameters: NearDuplicateParameters())
                }
                outcome = "\(articles.count) articles, \(facts) facts"
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            XCTAssertLessThan(seconds, Self.limit, "\(name) (\(outcome)) took \(seconds) s")
        }
    }
}
