import Foundation
import XCTest

@testable import XiezuoCore

/// Dedupe marks an article a duplicate only of a kept copy it is itself similar to, never of a
/// story reached through the articles between them, and never of an article that reports other
/// figures. Real extract and fingerprints, the global step as the pipeline runs it.
final class DedupeKeptCopyTests: XCTestCase {
    /// Story A, then a file whose articles drift from A to story B one sentence at a time, then
    /// B. Neighbours are near-copies; A and B have nothing in common.
    func testADriftingChainMarksNoArticleADuplicateOfOneItIsNotSimilarTo() throws {
        var random = NearDuplicateRandom(seed: 0xD12F7)
        let pool = NearDuplicateCorpus.sentencePool(try NearDuplicateCorpus.seedArticles())
        let storyA = NearDuplicateStockText.article(&random, paragraphs: 6, borrowed: pool).flatMap(NearDuplicateCorpus.sentences)
        let storyB = NearDuplicateStockText.article(&random, paragraphs: 6, borrowed: pool).flatMap(NearDuplicateCorpus.sentences)
        let length = min(storyA.count, storyB.count)
        var fixtures = try DedupeFixtures()
        let first = fixtures.add(storyA.prefix(length).joined())
        for step in 1..<length {
            fixtures.add((storyB.prefix(step) + storyA[step..<length]).joined())
        }
        let last = fixtures.add(storyB.prefix(length).joined())
        XCTAssertFalse(fixtures.similar(first, last), "A and B are different stories")

        let (duplicates, _) = try fixtures.resolve()
        print("drifting chain: \(length + 1) articles, \(duplicates.count) duplicates, kept \(fixtures.articles.count - duplicates.count)")
        XCTAssertGreaterThan(duplicates.count, 0, "neighbours in the chain are near-copies")
        for (duplicate, kept) in duplicates.sorted(by: { $0.key < $1.key }) {
            XCTAssertNil(duplicates[kept], "article \(duplicate) names \(kept), itself a duplicate")
            XCTAssertTrue(
                fixtures.similar(duplicate, kept),
                "article \(duplicate) is marked a duplicate of \(kept), which it is not similar to")
        }
        XCTAssertNotEqual(duplicates[last], first)
        XCTAssertNotEqual(duplicates[first], last)
    }

    /// Thousands of bulletins from one template that differ only in their figures are all
    /// kept; copies of a few of them, republished among them, are still found.
    func testTemplatedBulletinsThatDifferInTheirFiguresAreAllKeptAndTheirCopiesFound() throws {
        let bulletins = 3000
        var fixtures = try DedupeFixtures()
        var copies: [Int: Int] = [:]
        for index in 0..<bulletins {
            let original = fixtures.add(Self.bulletin(index))
            if index % 100 == 7 {
                // Another site's copy: its own header, the last sentence dropped.
                let copy = fixtures.add("转载自协作信息网\n" + Self.bulletin(index, complete: false))
                copies[copy] = original
            }
        }
        let started = Date()
        let (duplicates, outcome) = try fixtures.resolve()
        let seconds = Date().timeIntervalSince(started)
        print(
            String(
                format: "templated bulletins: %d articles, %d candidate pairs, %d duplicates, dedupe %.2f s (debug)",
                fixtures.articles.count, outcome.candidatePairs, duplicates.count, seconds))
        XCTAssertEqual(duplicates, copies)
        // A hang guard, not a performance target: the benchmark measures the time.
        XCTAssertLessThan(seconds, 120)
    }

    /// A feed of 10,000 near-identical pages (one template, one figure and the number changing)
    /// finishes with every page kept: the crowd of one bucket costs a bounded number of
    /// comparisons per page.
    func testTenThousandNearIdenticalPagesFinishAllKept() throws {
        var fixtures = try DedupeFixtures()
        for index in 0..<10_000 {
            fixtures.add(
                "协作快讯第\(index + 1)期\n今年以来，东西部协作工作队深化产业协作、劳务协作和消费帮扶，投入帮扶资金\(1000 + index)万元，"
                    + "引导各类资源要素向乡村集聚，加快探索产业融合发展创新路径，群众增收渠道逐步拓宽，乡村振兴取得新成效。")
        }
        let started = Date()
        let (duplicates, outcome) = try fixtures.resolve()
        let seconds = Date().timeIntervalSince(started)
        print(
            String(
                format: "near-identical pages: %d pages, %d candidate pairs, %d duplicates, dedupe %.2f s (debug)",
                fixtures.articles.count, outcome.candidatePairs, duplicates.count, seconds))
        XCTAssertEqual(duplicates.count, 0)
        XCTAssertLessThanOrEqual(outcome.candidatePairs, fixtures.articles.count * CandidatePairs.perArticle)
        XCTAssertLessThan(seconds, 120)
    }

    /// One bulletin of a series: its number, county and three figures change.
    static func bulletin(_ index: Int, complete: Bool = true) -> String {
        let counties = ["从江县", "惠水县", "龙里县", "三都水族自治县", "紫云县", "纳雍县", "昭平县", "富川瑶族自治县"]
        var text = "东西部协作简报第\(1000 + index)号\n第\(1000 + index)号协作县\(counties[index % counties.count])今年以来深化东西部协作，"
            + "投入财政帮扶资金\(2000 + index)万元，实施帮扶项目\(10 + index % 50)个，带动农村劳动力\(300 + index)人实现就业。"
            + "工作队持续推动产业协作、劳务协作和消费帮扶，引导各类资源要素向乡村集聚，加快探索产业融合发展创新路径。"
        if complete { text += "群众增收渠道逐步拓宽，乡村振兴取得新成效。" }
        return text
    }
}
