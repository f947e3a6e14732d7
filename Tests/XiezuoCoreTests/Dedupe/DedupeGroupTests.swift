import XCTest

@testable import XiezuoCore

/// `DedupeGroup`, the decision `xiezuo dedupe` makes for the Spark job, is `run`'s: the same
/// rule, the same kept-copy pass, the same cap (README, "Spark").
final class DedupeGroupTests: XCTestCase {
    private let group = DedupeGroup(threshold: 0.5)

    private func shingles(_ range: Range<UInt32>) -> ShingleSet { ShingleSet(hashes: Array(range)) }

    private func member(_ rank: Int, _ range: Range<UInt32>, figures: [UInt64] = []) -> DedupeGroup.Member {
        DedupeGroup.Member(rank: rank, shingles: shingles(range), figures: FigureSignature(entries: figures))
    }

    private func band(_ earlier: Int, _ later: Int) -> DedupeGroup.Pair {
        DedupeGroup.Pair(earlier: earlier, later: later, alikeInWording: true)
    }

    func testACopyNamesTheEarlierKeptCopy() throws {
        let verdicts = try group.resolve(members: [member(7, 0..<100), member(3, 0..<90)], pairs: [band(3, 7)])
        XCTAssertEqual(verdicts.duplicates.map(\.rank), [7])
        XCTAssertEqual(verdicts.duplicates.map(\.keptRank), [3])
        XCTAssertEqual(verdicts.candidatePairs, 1)
        XCTAssertEqual(verdicts.confirmedPairs, 1)
    }

    /// A drifting chain: 1 is a copy of 0 and 2 a copy of 1, but 2 is not one story with 0, so
    /// 2 is kept rather than named a duplicate of a copy it does not match.
    func testAnArticleSimilarOnlyToADuplicateIsKept() throws {
        let verdicts = try group.resolve(
            members: [member(0, 0..<100), member(1, 30..<130), member(2, 60..<160)], pairs: [band(0, 1), band(1, 2)])
        XCTAssertEqual(verdicts.duplicates.map(\.rank), [1])
        XCTAssertEqual(verdicts.duplicates.map(\.keptRank), [0])
    }

    /// Alike in wording, other figures in the same slot: another story, not even a candidate.
    func testConflictingFiguresAreNotAdmitted() throws {
        let slot: UInt64 = 0xABCDEF << 40
        let first = [slot | UInt64(1234) << 8]
        let second = [slot | UInt64(5678) << 8]
        XCTAssertFalse(
            group.admits(earlier: (100, FigureSignature(entries: first)), later: (100, FigureSignature(entries: second)), alikeInWording: true))
        let verdicts = try group.resolve(
            members: [member(0, 0..<100, figures: first), member(1, 0..<100, figures: second)], pairs: [band(0, 1)])
        XCTAssertTrue(verdicts.duplicates.isEmpty)
        XCTAssertEqual(verdicts.candidatePairs, 0)
    }

    /// At most `CandidatePairs.perArticle` earlier candidates per article, in the order the
    /// pairs come: the 65th, the only real copy, is never looked at, as in `run`.
    func testTheCapKeepsTheFirstCandidatesInTheOrderGiven() throws {
        var members = (0..<CandidatePairs.perArticle).map { member($0, UInt32($0) * 1000..<UInt32($0) * 1000 + 100) }
        members.append(member(64, 500_000..<500_100))
        members.append(member(65, 500_000..<500_100))
        let pairs = (0...CandidatePairs.perArticle).map { band($0, 65) }
        let verdicts = try group.resolve(members: members, pairs: pairs)
        XCTAssertTrue(verdicts.duplicates.isEmpty)
        XCTAssertEqual(verdicts.candidatePairs, CandidatePairs.perArticle)
        let reversed = try group.resolve(members: members, pairs: pairs.reversed())
        XCTAssertEqual(reversed.duplicates.map(\.rank), [65])
    }

    func testAPairNamingAnArticleOutsideTheGroupIsAnError() {
        XCTAssertThrowsError(try group.resolve(members: [member(0, 0..<10)], pairs: [band(0, 9)])) { error in
            XCTAssertEqual(error as? DedupeGroupError, .unknownRank(9))
            XCTAssertEqual(
                "\(error)", "a pair names rank 9, which is not among the group's articles; list every article its pairs name")
        }
    }
}
