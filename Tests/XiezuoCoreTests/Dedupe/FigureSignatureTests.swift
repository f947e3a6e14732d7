import XCTest

@testable import XiezuoCore

/// The figure rule of dedupe (README, "Dedupe rule"): two articles' figures conflict when a
/// slot — a category and the words before the figure in its sentence — holds in each a figure
/// the other reports nowhere. Facts come from the real extract stage.
final class FigureSignatureTests: XCTestCase {
    private var extract: ExtractStage!

    override func setUpWithError() throws {
        extract = ExtractStage(config: ExtractConfig(), gazetteer: try TestResources.gazetteer(), programmes: try TestResources.programmes())
    }

    private func signature(_ text: String, published: String? = nil) -> FigureSignature {
        let article = Article(source: "a.txt", part: 0, text: text, published: published.flatMap { CivilDate(iso: $0) })
        let facts = extract.facts(in: article)
        XCTAssertFalse(facts.isEmpty, "no facts in \(text)")
        return FigureSignature(facts: facts, text: text)
    }

    private let report = "从江县今年以来深化东西部协作，投入财政帮扶资金3000万元，实施帮扶项目12个。两地企业合作建设帮扶车间，吸纳农村劳动力500人就业。"

    func testTemplatedBulletinsWithOtherFiguresConflict() {
        let first = signature("第1234号协作县从江县今年投入财政帮扶资金2234万元，带动就业300人。")
        let second = signature("第1235号协作县从江县今年投入财政帮扶资金2235万元，带动就业300人。")
        XCTAssertTrue(first.conflicts(with: second))
        XCTAssertTrue(second.conflicts(with: first))
        XCTAssertFalse(first.conflicts(with: first))
    }

    func testACopyWithAnExtraParagraphOrADroppedSentenceDoesNotConflict() {
        let original = signature(report)
        let longer = signature(report + "\n此外，园区引进企业30余家，吸纳就业近3000人。")
        let shorter = signature("从江县今年以来深化东西部协作，投入财政帮扶资金3000万元，实施帮扶项目12个。")
        XCTAssertFalse(original.conflicts(with: longer))
        XCTAssertFalse(longer.conflicts(with: original))
        XCTAssertFalse(original.conflicts(with: shorter))
        XCTAssertFalse(longer.conflicts(with: shorter))
        XCTAssertEqual(original.sharedValues(with: longer), original.valueKeys.count)
    }

    func testTheSameSlotWithAnotherValueConflictsWhateverElseAgrees() {
        let original = signature(report)
        let other = signature(report.replacingOccurrences(of: "3000万元", with: "3500万元"))
        XCTAssertTrue(original.conflicts(with: other))
        XCTAssertEqual(original.sharedValues(with: other), original.valueKeys.count - 1)
    }

    func testOneAmountInAnotherUnitIsTheSameFigure() {
        let yi = signature("江苏对口支援西藏的年度资金合计5.57亿元，实施援藏项目66个。")
        let wan = signature("江苏对口支援西藏的年度资金合计55700万元，实施援藏项目66个。")
        XCTAssertFalse(yi.conflicts(with: wan))
        XCTAssertEqual(yi.sharedValues(with: wan), 2)
    }

    func testAWrittenYearIsPartOfTheFigureAYearFromThePublicationDateIsNot() {
        let earlier = signature("2023年，从江县投入财政帮扶资金3000万元，实施帮扶项目12个。")
        let later = signature("2024年，从江县投入财政帮扶资金3000万元，实施帮扶项目12个。")
        XCTAssertTrue(earlier.conflicts(with: later), "the same amounts in another year are another report")
        let published2023 = signature("今年，从江县投入财政帮扶资金3000万元，实施帮扶项目12个。", published: "2023-12-01")
        let published2024 = signature("今年，从江县投入财政帮扶资金3000万元，实施帮扶项目12个。", published: "2024-01-05")
        XCTAssertFalse(published2023.conflicts(with: published2024), "a copy published on another day")
        XCTAssertFalse(published2023.conflicts(with: earlier))
    }

    /// A typo in one figure's words moves it to another slot; with a sentence dropped from the
    /// other copy, the slot then holds a different figure in each. Both figures are still
    /// reported by both copies, so it is no conflict.
    func testAFigureReportedElsewhereInTheOtherCopyIsNoConflict() {
        let first = signature("2022年，紫云县新增落地项目225个，到位资金48.5亿元。近年来，紫云县新增落池项目8个，到位资金83.7亿元。")
        let second = signature("近年来，紫云县新增落地项目8个，到位资金83.7亿元。")
        XCTAssertFalse(first.conflicts(with: second))
    }

    func testAFiguresSlotEndsAtItsSentence() {
        let scalars = Array("前一句的末尾投入资金。投入3000万元".unicodeScalars)
        let context = FigureSignature.context(before: scalars.count - 6, in: scalars)
        XCTAssertEqual(String(String.UnicodeScalarView(context.reversed().compactMap(Unicode.Scalar.init))), "投入")
        let templated = Array("第1234号协作县投入2234万元".unicodeScalars)
        XCTAssertEqual(
            String(String.UnicodeScalarView(FigureSignature.context(before: 13, in: templated).reversed().compactMap(Unicode.Scalar.init))),
            "第号协作县投入", "digits are left out of a slot")
    }

    func testEntriesRoundTripAndStayBounded() {
        let original = signature(report)
        XCTAssertEqual(FigureSignature(entries: original.entries), original)
        let many = (0..<400).map { "第\($0)个村投入帮扶资金\($0 + 1)万元。" }.joined()
        XCTAssertEqual(signature(many).entries.count, FigureSignature.maxEntries)
    }
}
