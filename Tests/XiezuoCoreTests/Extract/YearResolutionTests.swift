import XCTest

@testable import XiezuoCore

/// The year rules of `YearResolver`, through the extract stage.
final class YearResolutionTests: XCTestCase {
    private func years(_ text: String, published: CivilDate? = nil) throws -> [String: Int?] {
        let stage = ExtractStage(config: ExtractConfig(), gazetteer: try TestResources.gazetteer(), programmes: try TestResources.programmes())
        let facts = stage.facts(in: Article(source: "t.txt", part: 0, text: text, published: published))
        return Dictionary(uniqueKeysWithValues: facts.map { ($0.text, $0.year) })
    }

    func testAScenesettingYearCarriesToTheNextSentence() throws {
        XCTAssertEqual(try years("2025年以来，广州创新构建协作机制。全年累计完成合作项目超80个。"), ["超80个": 2025])
    }

    func testASentenceOpeningWithAPlaceStartsANewTopic() throws {
        XCTAssertEqual(
            try years("在2022年，汕尾共引进超亿元项目28个。深圳完成4类种植业项目的改良提升试点。"),
            ["28个": 2022, "4类": nil]
        )
    }

    func testAnEventDateInAnotherClauseDatesOnlyThatEvent() throws {
        XCTAssertEqual(
            try years("投入东西部协作资金1600万元建设孵化基地，2022年3月投入使用，吸纳140余名群众务工。"),
            ["1600万元": nil, "140余名": nil]
        )
    }

    func testAYearTimePhraseDatesTheRestOfItsSentence() throws {
        XCTAssertEqual(try years("新快报记者了解到，2024年，粤桂协作共投入帮扶资金75万元用于干部培训。"), ["75万元": 2024])
    }

    func testRelativeYearsNeedThePublishedDate() throws {
        let text = "去年，当地累计投资3100万元建设产业园。"
        XCTAssertEqual(try years(text, published: CivilDate(year: 2023, month: 2, day: 5)), ["3100万元": 2022])
        XCTAssertEqual(try years(text), ["3100万元": nil])
    }
}
