import XCTest

@testable import XiezuoCore

/// `summary.documents` counts the documents with facts in each group, as the write pass folds
/// them: each article's facts one after another, the facts of one article spread over groups.
final class AggregateStageDocumentsTests: XCTestCase {
    private func fact(_ document: String, _ category: FactCategory, year: Int, offset: Int) -> Fact {
        Fact(
            docID: document, year: year, region: nil, category: category, value: ExactDecimal(Int64(offset + 1)), qualifier: .exact,
            low: nil, high: nil, text: "", evidence: "", offset: offset)
    }

    func testEachDocumentCountsOncePerGroup() {
        var aggregate = AggregateStage(config: AggregateConfig())
        // Document a: two investments of 2023 around one of 2024; b: one of each year; c: jobs.
        for fact in [
            fact("doc-a", .investment, year: 2023, offset: 0), fact("doc-a", .investment, year: 2024, offset: 1),
            fact("doc-a", .investment, year: 2023, offset: 2),
            fact("doc-b", .investment, year: 2024, offset: 0), fact("doc-b", .investment, year: 2023, offset: 1),
            fact("doc-c", .employment, year: 2023, offset: 0), fact("doc-c", .employment, year: 2023, offset: 1),
        ] {
            aggregate.add(fact)
        }
        let rows = aggregate.rows()
        XCTAssertEqual(rows.map(\.category), [.investment, .investment, .employment])
        XCTAssertEqual(rows.map(\.year), [2023, 2024, 2023])
        XCTAssertEqual(rows.map(\.facts), [3, 2, 2])
        XCTAssertEqual(rows.map(\.documents), [2, 2, 1])
    }
}
