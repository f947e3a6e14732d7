import Foundation
import XCTest

@testable import XiezuoCore

/// The pipeline's global dedupe step (`DedupeStage.resolve`, as run over the store) on 100,000
/// synthetic articles, 10% of them copies: candidate pairs and time grow about linearly
/// because only articles sharing an LSH bucket are compared.
///
/// A benchmark, not a timed unit test: it runs only with
/// `XIEZUO_DEDUPE_BENCHMARK=1 swift test -c release -Xswiftc -enable-testing --filter DedupeStageScale`
/// (`XIEZUO_DEDUPE_ARTICLES` sets the largest size, default 100,000) and prints its figures.
final class DedupeStageScaleBenchmarkTests: XCTestCase {
    func testResolveScalesLinearly() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["XIEZUO_DEDUPE_BENCHMARK"] == "1", "benchmark only")
        let largest = Int(ProcessInfo.processInfo.environment["XIEZUO_DEDUPE_ARTICLES"] ?? "") ?? 100_000
        let parameters = NearDuplicateParameters()
        var stream = NearDuplicateArticleStream(seed: 2026)
        var fingerprints: [StoredFingerprint] = []
        var bandKeys: [[UInt64]] = []
        var shingles: [ShingleSet] = []
        fingerprints.reserveCapacity(largest)
        for index in 0..<largest {
            let article = Article(source: String(format: "night/%07d.txt", index), part: 0, text: stream.next())
            // No facts: the stream's words carry none, and this measures the wording's candidates.
            let fingerprint = ArticleFingerprint(article: article, facts: [], parameters: parameters)
            shingles.append(ShingleSet(sortedUnique: fingerprint.shingles))
            bandKeys.append(fingerprint.bandKeys)
            fingerprints.append(
                StoredFingerprint(
                    id: index, exactKey: fingerprint.exactKey, published: nil, chars: article.chars, shingleCount: fingerprint.shingles.count
                )
            )
        }
        let stage = DedupeStage(config: DedupeConfig())
        var sizes: [Int] = []
        var size = largest
        while size >= 12_500 {
            sizes.insert(size, at: 0)
            size /= 2
        }
        for size in sizes {
            let start = DispatchTime.now().uptimeNanoseconds
            let outcome = try stage.resolve(
                StoredFingerprints(Array(fingerprints.prefix(size))), bands: parameters.bands,
                bandKeys: { body in for index in 0..<size { try body(index, bandKeys[index]) } }
            ) { id in shingles[id] }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print(
                String(
                    format: "dedupe resolve: %7d articles, %6d candidate pairs, %6d confirmed, %6d duplicates, %.2f s (%.1f µs/article)",
                    size, outcome.candidatePairs, outcome.confirmedPairs, outcome.verdicts.count, seconds,
                    seconds / Double(size) * 1e6
                )
            )
            XCTAssertLessThan(outcome.candidatePairs, size, "candidate pairs should stay far below all pairs")
        }
    }
}
