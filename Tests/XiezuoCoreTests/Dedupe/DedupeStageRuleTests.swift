import XCTest

@testable import XiezuoCore

/// `DedupeStage.resolve` against its rule written out by brute force: articles are taken in
/// the kept-copy order, and each is a duplicate of the first kept copy before it that is the
/// same story (`DedupeFixtures.similar`, from whole sets) and shares a band key with it, or
/// a figure value when their figures corroborate each other. Band keys are read in several passes, pairs of very different sizes and
/// pairs whose figures conflict are decided without their sets, and no run here is crowded;
/// none of it may change a verdict.
final class DedupeStageRuleTests: XCTestCase {
    func testVerdictsFollowTheRuleWithSeveralBandPasses() throws {
        var stream = NearDuplicateArticleStream(seed: 7, copyShare: 0.3)
        var fixtures = try DedupeFixtures()
        var random = NearDuplicateRandom(seed: 77)
        for index in 0..<800 {
            var text = stream.next()
            // Every 10th article is cut short: a copy too small to reach the threshold.
            if index % 10 == 9 { text = String(text.prefix(text.count / 3)) }
            // Figures, so that some copies conflict and some are corroborated.
            if index % 3 == 0 { text += "\n今年投入帮扶资金\(random.within(1...4))亿元，实施项目\(random.within(10...12))个。" }
            fixtures.add(text, published: index % 7 == 0 ? CivilDate(iso: "2024-05-0\(1 + index % 9)") : nil)
        }
        let (duplicates, _) = try fixtures.resolve(passBytes: fixtures.articles.count * 16 * 5)

        let stored = fixtures.stored
        let order = (0..<stored.count).sorted { stored.isPreferred($0, over: $1) }
        var expected: [Int: Int] = [:]
        var kept: [Int] = []
        for article in order {
            let copy = kept.first { earlier in
                let (a, b) = (fixtures.fingerprints[earlier], fixtures.fingerprints[article])
                // A pair that met through a figure value alone can only pass by its figures.
                let candidate =
                    a.exactKey == b.exactKey || zip(a.bandKeys, b.bandKeys).contains { $0 == $1 }
                    || (!Set(FigureSignature(entries: a.figures).valueKeys).isDisjoint(
                        with: FigureSignature(entries: b.figures).valueKeys)
                        && DuplicateRule.corroborates(a.figures[...], b.figures[...]))
                return candidate && fixtures.similar(earlier, article)
            }
            if let copy { expected[article] = copy } else { kept.append(article) }
        }
        XCTAssertGreaterThan(expected.count, 50)
        XCTAssertEqual(duplicates, expected)
    }

    /// Band and value entries held a few at a time (one band per pass over the store, figure
    /// values sorted in slices of a few values) find the pairs, in the order, of one sort of
    /// everything: the same pairs looked at, the same verdicts.
    func testVerdictsDoNotDependOnTheEntriesHeldAtOnce() throws {
        var stream = NearDuplicateArticleStream(seed: 11, copyShare: 0.3)
        var fixtures = try DedupeFixtures()
        for index in 0..<600 {
            // Groups of ten articles report the same two figures: value runs that give pairs.
            let group = index / 10
            fixtures.add(stream.next() + "\n今年投入帮扶资金\(group + 2)亿元，实施项目\(group + 300)个。")
        }
        let (wholeVerdicts, whole) = try fixtures.resolve(passBytes: 1 << 40)
        let (slicedVerdicts, sliced) = try fixtures.resolve(passBytes: 16)
        XCTAssertGreaterThan(whole.candidatePairs, 300)
        XCTAssertGreaterThan(wholeVerdicts.count, 2)
        XCTAssertEqual(slicedVerdicts, wholeVerdicts)
        XCTAssertEqual(sliced.candidatePairs, whole.candidatePairs)
        XCTAssertEqual(sliced.confirmedPairs, whole.confirmedPairs)
    }
}
