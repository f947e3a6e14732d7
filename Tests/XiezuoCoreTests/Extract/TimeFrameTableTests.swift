import XCTest

@testable import XiezuoCore

/// The time-frame rules of `YearResolver`, one row per rule, per end of a frame and per
/// wrong-year trap, through the extract stage (docs/years.md).
final class TimeFrameTableTests: XCTestCase {
    private struct Row {
        var rule: String
        var text: String
        var published: CivilDate?
        /// Figure span → expected year and basis (nil: no year).
        var expected: [String: DatedYear?]
        var line: UInt = #line
    }

    private static let date2023 = CivilDate(year: 2023, month: 6, day: 16)
    private static let date2022 = CivilDate(year: 2022, month: 11, day: 25)

    private static func stated(_ year: Int) -> DatedYear? { DatedYear(year: year, basis: .stated) }
    private static func context(_ year: Int) -> DatedYear? { DatedYear(year: year, basis: .context) }
    private static func published(_ year: Int) -> DatedYear? { DatedYear(year: year, basis: .published) }

    private let rows: [Row] = [
        Row(rule: "a year in the clause", text: "浙江省2023年投入帮扶资金5亿元。", published: date2023, expected: ["5亿元": stated(2023)]),
        Row(
            rule: "the opening time phrase dates the sentence",
            text: "2024年，北京市大兴区安排财政资金2800万元，安排帮扶项目12个。", published: nil,
            expected: ["2800万元": stated(2024), "12个": stated(2024)]),
        Row(
            rule: "an attribution clause before the opening is skipped",
            text: "2月4日，记者从省发展改革委了解到：2023年，我省通过协作累计吸引229家企业落地投资。", published: CivilDate(year: 2024, month: 2, day: 14),
            expected: ["229家": stated(2023)]),
        Row(
            rule: "an opening clause that states a figure dates the next clause",
            text: "副区长介绍，上海市2018年无偿援建项目34个，援助资金4862万元。", published: CivilDate(year: 2019, month: 4, day: 29),
            expected: ["34个": stated(2018), "4862万元": stated(2018)]),
        Row(
            rule: "trap: an event in the opening clause dates only that event",
            text: "去年国家发改委印发方案，明确对口合作，广东共涉及8对结对关系。", published: CivilDate(year: 2023, month: 2, day: 5),
            expected: ["8对": nil]),
        Row(
            rule: "the paragraph frame",
            text: "2024年，大兴区与察右前旗签订协作协议。按照原则，安排财政资金2800万元。", published: nil,
            expected: ["2800万元": context(2024)]),
        Row(
            rule: "end of a frame: a new paragraph",
            text: "2024年，大兴区与察右前旗签订协作协议。\n园区共引进企业12家。", published: nil, expected: ["12家": nil]),
        Row(
            rule: "end of a frame: a new year",
            text: "2021年，两地签订协议。2022年，新增帮扶项目25个。", published: nil, expected: ["25个": stated(2022)]),
        Row(
            rule: "end of a frame: a cumulative span",
            text: "今年是天津对口支援甘肃第二十六年。近两年来，天津累计向甘肃投入财政帮扶资金32.24亿元。", published: date2022,
            expected: ["32.24亿元": nil]),
        Row(
            rule: "今年 against the publication date",
            text: "今年，江苏对口支援西藏的年度资金合计5.57亿元。", published: CivilDate(year: 2024, month: 3, day: 31),
            expected: ["5.57亿元": published(2024)]),
        Row(
            rule: "trap: 今年 without a publication date",
            text: "今年，江苏对口支援西藏的年度资金合计5.57亿元。", published: nil, expected: ["5.57亿元": nil]),
        Row(
            rule: "去年 is the year before publication",
            text: "去年，当地投资3100万元建设产业园。", published: CivilDate(year: 2023, month: 8, day: 22),
            expected: ["3100万元": published(2022)]),
        Row(
            rule: "a paragraph opened by 今年是… frames its 累计 figures",
            text: "今年是天津对口支援甘肃第二十六年。记者了解到，累计完成消费帮扶52.72亿元。", published: date2022,
            expected: ["52.72亿元": published(2022)]),
        Row(
            rule: "截至目前 is the publication year",
            text: "截至目前，共有227家企业到毕节投资兴业。", published: CivilDate(year: 2020, month: 7, day: 13),
            expected: ["227家": published(2020)]),
        Row(
            rule: "trap: 截至目前 on an undated page",
            text: "截至目前，共有227家企业到毕节投资兴业。", published: nil, expected: ["227家": nil]),
        Row(
            rule: "a month and day alone",
            text: "5月25日，推介会在成都举办，现场签约34个项目。", published: date2023, expected: ["34个": published(2023)]),
        Row(
            rule: "the lead's event date frames the article",
            text: "9月12日，省长率团来黑龙江考察，推动两省对口合作。\n考察结束后，两省举行签约仪式，签约合作项目76个。",
            published: CivilDate(year: 2021, month: 9, day: 12), expected: ["76个": published(2021)]),
        Row(
            rule: "trap: 近日 does not frame the article",
            text: "近日，2022年民营企业助力乡村振兴对接活动在贺州市举行。\n新增引导落地投产企业302家。",
            published: CivilDate(year: 2022, month: 10, day: 31), expected: ["302家": nil]),
        Row(
            rule: "trap: a span the lead opens with leaves 目前 without a year",
            text: "自2021年6月松江区与镇雄县开展东西部协作以来，两地亲密牵手。\n目前，镇雄县转移省外就业3648人。", published: date2022,
            expected: ["3648人": nil]),
        Row(
            rule: "N年以来 in its publication year is that year",
            text: "2020年以来，广州安排东西部扶贫协作财政资金10.67亿元。", published: CivilDate(year: 2020, month: 7, day: 13),
            expected: ["10.67亿元": stated(2020)]),
        Row(
            rule: "trap: N年以来 before the publication year is a span",
            text: "2016年以来，山东省累计给予城口资金援助达2.6亿元。", published: CivilDate(year: 2022, month: 6, day: 24),
            expected: ["2.6亿元": nil]),
        Row(
            rule: "trap: N年以来 on an undated page is a span",
            text: "2017年以来，共投入财政帮扶资金7400多万元用于农业产业发展。", published: nil, expected: ["7400多万元": nil]),
        Row(
            rule: "全年 takes the year a span starts with",
            text: "2025年以来，广州创新构建协作机制。全年累计完成合作项目超80个。", published: nil, expected: ["超80个": context(2025)]),
        Row(
            rule: "截至 a year dates a stock but not the 累计 totals",
            text: "截至2025年底，产业园累计签约项目372个，入驻企业125家。", published: CivilDate(year: 2026, month: 1, day: 14),
            expected: ["372个": nil, "125家": stated(2025)]),
        Row(
            rule: "trap: several years read together",
            text: "2018年、2019年两年共投入资金9152万元。", published: nil, expected: ["9152万元": nil]),
        Row(
            rule: "trap: a dateline is not a figure's year",
            text: "2022年11月25日 星期五 第2版 社会力量投入帮扶资金595万元。", published: date2022, expected: ["595万元": nil]),
        Row(
            rule: "a document title's year is the period it covers",
            text: "会上，两区政府签订《2019年对口支援项目实施协议书》，援助项目共56个。", published: CivilDate(year: 2019, month: 4, day: 29),
            expected: ["56个": stated(2019)]),
        Row(
            rule: "a breakdown takes its total's year",
            text: "下达2023年度援疆项目实施计划，安排援疆资金17.56亿元。\n其中：产业支援类项目98个，安排援疆资金4.62亿元。",
            published: nil, expected: ["17.56亿元": stated(2023), "98个": context(2023), "4.62亿元": context(2023)]),
        Row(
            rule: "a sentence after ； continues the frame",
            text: "2019年，黄浦区对口支援万州区项目共26个；静安区对口支援夷陵区项目共30个。", published: nil,
            expected: ["26个": stated(2019), "30个": context(2019)]),
        Row(
            rule: "trap: a plan is not dated by the article's frame",
            text: "6月23日，协作项目签约活动在城口县举行。\n该项目预计实现年产值5亿元。", published: CivilDate(year: 2022, month: 6, day: 24),
            expected: ["5亿元": nil]),
        Row(
            rule: "a headline that repeats a body figure takes the body's year",
            text: "援疆资金17.56亿元助力发展\n浙江省下达2023年度计划，安排援疆资金17.56亿元。", published: nil,
            expected: ["17.56亿元": stated(2023)]),
    ]

    func testEveryRuleOfTheTimeFrame() throws {
        let stage = ExtractStage(config: ExtractConfig(), gazetteer: try TestResources.gazetteer(), programmes: try TestResources.programmes())
        for row in rows {
            let facts = stage.facts(in: Article(source: "t.txt", part: 0, text: row.text, published: row.published))
            for (span, expected) in row.expected {
                guard let fact = facts.first(where: { $0.text == span }) else {
                    XCTFail("\(row.rule): no fact \(span) in \(facts.map(\.text))", line: row.line)
                    continue
                }
                let got = fact.year.map { DatedYear(year: $0, basis: fact.yearBasis ?? .stated) }
                XCTAssertEqual(got, expected, "\(row.rule): \(span)", line: row.line)
            }
        }
    }
}
