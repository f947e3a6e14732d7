import XCTest

@testable import XiezuoCore

/// `ProgrammeVocabulary` passes over the scalars that start no word on the text's buffer and tries
/// the words of a first scalar there (in the Basic Multilingual Plane or beyond it); the longest
/// word at a position wins and takes its scalars with it.
final class ProgrammeVocabularyTests: XCTestCase {
    private func vocabulary() throws -> ProgrammeVocabulary {
        try ProgrammeVocabulary(records: [
            ["programme", "word"], ["东西部协作", "东西部协作"], ["东西部协作", "东西协作"], ["对口支援", "对口支援"],
            ["对口支援", "援疆"], ["帮扶", "帮扶协作"], ["乡村振兴", "𠀋村振兴"], ["对口合作", "对口合作"],
        ])
    }

    func testFindsTheProgrammesTheTextNames() throws {
        let vocabulary = try vocabulary()
        XCTAssertEqual(vocabulary.programmes(in: Array("广东与贵州东西部协作持续深化".unicodeScalars)), ["东西部协作"])
        XCTAssertEqual(vocabulary.programmes(in: Array("对口合作，援疆干部".unicodeScalars)), ["对口支援", "对口合作"])
        XCTAssertEqual(vocabulary.programmes(in: Array("推进𠀋村振兴".unicodeScalars)), ["乡村振兴"])
        XCTAssertEqual(vocabulary.programmes(in: Array("对口帮扶东西部".unicodeScalars)), [])
        XCTAssertEqual(vocabulary.programmes(in: []), [])
    }

    /// A word's scalars are taken with it: 帮扶协作 is read at 帮, so 协作 inside it starts nothing.
    func testAWordTakesItsScalars() throws {
        let vocabulary = try ProgrammeVocabulary(records: [["programme", "word"], ["帮扶", "帮扶协作"], ["协作", "协作区"]])
        XCTAssertEqual(vocabulary.programmes(in: Array("帮扶协作区".unicodeScalars)), ["帮扶"])
        XCTAssertEqual(vocabulary.programmes(in: Array("扶协作区".unicodeScalars)), ["协作"])
    }
}
