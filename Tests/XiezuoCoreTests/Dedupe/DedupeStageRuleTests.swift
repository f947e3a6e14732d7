import XCTest

@testable import XiezuoCore

/// `DedupeStage.resolve` against the rule written out by brute force: articles are one story
/// when their exact keys are equal or when they share a band key and their shingle sets reach
/// the threshold. Band keys are read in several passes and pairs of very different sizes are
/// decided without their sets; neither may change a verdict.
final class DedupeStageRuleTests: XCTestCase {
    func testVerdictsFollowTheRuleWithSeveralBandPasses() throws {
        let parameters = NearDuplicateParameters()
        var stream = NearDuplicateArticleStream(seed: 7, copyShare: 0.3)
        var texts: [String] = []
        for index in 0..<800 {
            let text = stream.next()
            // Every 10th article is cut short: a copy too small to reach the threshold.
            texts.append(index % 10 == 9 ? String(text.prefix(text.count / 3)) : text)
        }
        let fingerprints = texts.map { ArticleFingerprint(article: Article(source: "s", part: 0, text: $0), parameters: parameters) }
        let stored = fingerprints.enumerated().map { index, fingerprint in
            StoredFingerprint(
                id: index, docID: UInt64(index), exactKey: fingerprint.exactKey, published: nil,
                chars: texts[index].count, shingleCount: fingerprint.shingles.count
            )
        }
        let outcome = try DedupeStage(config: DedupeConfig()).resolve(
            stored, bands: parameters.bands, passBytes: stored.count * 16 * 5,
            bandKeys: { body in for index in fingerprints.indices { try body(index, fingerprints[index].bandKeys) } }
        ) { id in fingerprints[id].shingles }

        var clusters = DuplicateClusters()
        for later in fingerprints.indices {
            for earlier in 0..<later {
                let (a, b) = (fingerprints[earlier], fingerprints[later])
                let candidate = zip(a.bandKeys, b.bandKeys).contains { $0 == $1 }
                if a.exactKey == b.exactKey || (candidate && !a.shingles.isEmpty && a.shingles.jaccard(b.shingles) >= 0.5) {
                    clusters.union(earlier, later)
                }
            }
        }
        var expected: Set<Int> = []
        for members in clusters.clusters() {
            let kept = members.min { DedupeStage.isPreferred($0, over: $1, in: stored) } ?? members[0]
            expected.formUnion(members.filter { $0 != kept })
        }
        XCTAssertGreaterThan(expected.count, 50)
        XCTAssertEqual(Set(outcome.verdicts.keys), expected)
    }
}
