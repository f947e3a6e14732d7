import XCTest

@testable import XiezuoCore

/// The history's fingerprints as dedupe holds them, column by column: each article gives back
/// its own figures, and the kept-copy order is the README's (the earliest stated date, a date
/// before none, then the most characters, then table order).
final class StoredFingerprintsTests: XCTestCase {
    func testEachArticleKeepsItsOwnFiguresAndSize() {
        let fingerprints = StoredFingerprints([
            StoredFingerprint(id: 10, exactKey: 1, published: nil, chars: 5, shingleCount: 3, figures: FigureSignature(entries: [4, 9])),
            StoredFingerprint(id: 11, exactKey: 2, published: nil, chars: 5, shingleCount: 0),
            StoredFingerprint(id: 12, exactKey: 3, published: nil, chars: 5, shingleCount: 7, figures: FigureSignature(entries: [1])),
        ])
        XCTAssertEqual(fingerprints.ids, [10, 11, 12])
        XCTAssertEqual(fingerprints.exactKeys, [1, 2, 3])
        XCTAssertEqual((0..<3).map { Array(fingerprints.figures(of: $0)) }, [[4, 9], [], [1]])
        XCTAssertEqual((0..<3).map { fingerprints.ruleArticle($0).shingleCount }, [3, 0, 7])
    }

    func testThePreferredCopyIsTheEarliestStatedThenTheLongestThenTheFirst() {
        let dates = [nil, "2024-05-02", "2024-05-01", nil, "2024-05-01", "2023-12-31"].map { $0.flatMap { CivilDate(iso: $0) } }
        let chars = [900, 100, 100, 900, 300, 50]
        let fingerprints = StoredFingerprints(
            dates.indices.map { StoredFingerprint(id: $0, exactKey: 0, published: dates[$0], chars: chars[$0], shingleCount: 1) })
        XCTAssertEqual((0..<6).sorted { fingerprints.isPreferred($0, over: $1) }, [5, 4, 2, 1, 0, 3])
    }
}
