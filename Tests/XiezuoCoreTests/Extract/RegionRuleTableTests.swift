import XCTest

@testable import XiezuoCore

/// The region rules of the annotation conventions (Fixtures/dev/README.md, "region"; docs/regions.md)
/// that go beyond the nearest place: a province-wide total, where money is for, items of a list
/// headed by places, the places an article says are helped, an office in another city, a banner's
/// short form, helped areas left unnamed, and a figure written twice. One row per rule and a
/// trap beside each, through the extract stage: the region of the figure spelled `span`.
final class RegionRuleTableTests: XCTestCase {
    private struct Row {
        var rule: String
        var text: String
        var span: String
        var region: String?
        var line: UInt = #line
    }

    private let rows: [Row] = [
        Row(
            rule: "全省 frames a province-wide total over unnamed helped areas",
            text: "广东省消费帮扶活动举行。全省驻镇帮镇扶村工作开展以来，各地建立长效机制，累计带动帮扶地区农产品销售额达43.9亿元。",
            span: "43.9亿元", region: "广东省"),
        Row(
            rule: "trap: without 全省 the helped areas are unnamed",
            text: "广东省消费帮扶活动举行。各地建立长效机制，累计带动帮扶地区农产品销售额达43.9亿元。", span: "43.9亿元", region: nil),
        Row(
            rule: "trap: 全市 of an article with two cities names none", text: "毕节市深化协作。\n遵义市深化协作。\n全市新建项目12个。",
            span: "12个", region: nil),
        Row(
            rule: "the clause saying what the money is for places it",
            text: "广州向爱心企业再筹集1.5亿元，定向帮扶毕节151个贫困村。\n黔南州新建基地。", span: "1.5亿元", region: "毕节市"),
        Row(
            rule: "money for places of several provinces has no region",
            text: "南沙区对口帮扶协作平远县。南沙区累计投入对口帮扶资金共计4.6亿元，用于支持贵州紫云县、重庆巫山县发展。", span: "4.6亿元",
            region: nil),
        Row(
            rule: "trap: a next clause that is not a purpose leaves the figure its own place",
            text: "三都县投入协作资金500万元，荔波县新建基地2个。", span: "500万元", region: "三都水族自治县"),
        Row(
            rule: "items of a list, each headed by its county, roll up",
            text: "其中，墨竹工卡县格桑花开产业园、林周县格桑塘农牧产业园等援建园区引育企业30余家。", span: "30余家", region: "拉萨市"),
        Row(
            rule: "items of a list at two levels roll up too",
            text: "山东与甘肃组建工匠联盟。特色职业培训围绕兰州拉面师、临夏砖雕、东乡绣娘等项目，累计培训约4万人次。", span: "约4万人次",
            region: "甘肃省"),
        Row(
            rule: "trap: items of two clauses are no list",
            text: "墨竹工卡县格桑花开产业园投产，林周县格桑塘农牧产业园引育企业30余家。", span: "30余家", region: "林周县"),
        Row(
            rule: "the places an article says are helped are all what it is about",
            text: "广州驰援毕节、黔南。\n毕节市新建产业园。\n黔南州新建基地。\n广州安排财政资金10.67亿元。", span: "10.67亿元",
            region: "贵州省"),
        Row(
            rule: "trap: a helped place named once in passing does not widen the focus",
            text: "黄埔区帮扶三都县，也帮扶荔波县。\n三都县茶园扩大。\n三都县农民增收。\n三都县新建车间。\n车间共吸纳就业120人。",
            span: "120人", region: "三都水族自治县"),
        Row(
            rule: "a place named as helped is the focus with half the mentions",
            text: "驻长布镇工作队举办展销。五华县山货出山，五华县农民增收。梅州五华县的红薯、长布镇的灵芝参展。为长布镇农产品推介。\n工作队介绍，消费采购70余万元。",
            span: "70余万元", region: "长布镇"),
        Row(
            rule: "trap: a place not named as helped needs more",
            text: "长布镇工作队举办展销。五华县山货出山，五华县农民增收。梅州五华县的红薯、长布镇的灵芝参展。长布镇农产品推介。\n工作队介绍，消费采购70余万元。",
            span: "70余万元", region: "五华县"),
        Row(
            rule: "X驻Y招商队: Y is where X keeps an office",
            text: "南沙区帮扶平远县。2023年8月，工作队会同平远县驻广州招商队，成功推动广东弘远生物制药有限公司项目落地园区，项目首期投资1.2亿元。",
            span: "1.2亿元", region: "平远县"),
        Row(
            rule: "trap: 进驻 a place is going there to help",
            text: "广州市选派干部进驻湛江市，先后拨付对口帮扶资金10.08亿元。", span: "10.08亿元", region: "湛江市"),
        Row(
            rule: "a banner's official short form (察右前旗) rolls up with the banner beside it",
            text: "2024年，北京市大兴区分别与察右前旗、察右后旗签订协议。按照原则，安排财政资金2800万元。", span: "2800万元",
            region: "乌兰察布市"),
        Row(
            rule: "helped areas left unnamed (脱贫地区) are no one place",
            text: "彭水县农产品展销。学校通过食堂采购，已采购脱贫地区29.2万元的农产品。", span: "29.2万元", region: nil),
        Row(
            rule: "trap: a named helped county is its place", text: "彭水县农产品展销。三家单位采购彭水县农特产品30万元。",
            span: "30万元", region: "彭水苗族土家族自治县"),
        Row(
            rule: "该镇 names the township written last before it",
            text: "管委会班子成员来到宁海县黄坛镇。\n宁波市海曙区新建项目3个。\n此次为该镇送来帮扶资金150万元。", span: "150万元", region: "黄坛镇"),
        Row(
            rule: "trap: 该镇 with no township before it names nothing (the article's focus stays)",
            text: "管委会班子成员来到宁海县。\n宁波市海曙区新建项目3个。\n此次为该镇送来帮扶资金150万元。", span: "150万元", region: "宁波市"),
        Row(
            rule: "a headline figure the article cannot place takes its body repetition's place",
            text: "保税港区送来150万元帮扶资金\n管委会一行为黄坛镇送来150万元帮扶资金。\n河南省郑州市新建项目3个。\n安徽省合肥市新建项目2个。",
            span: "150万元", region: "黄坛镇"),
        Row(
            rule: "a headline figure placed by the article alone takes its body repetition's place",
            text: "助推15万元消费帮扶产品售空\n重庆市农业农村委帮扶集团举办展销。重庆市提出加大消费帮扶。\n帮扶集团展销彭水县农特产品，货值共计15万元。",
            span: "15万元", region: "彭水苗族土家族自治县"),
    ]

    func testEveryRegionRule() throws {
        let stage = ExtractStage(config: ExtractConfig(), gazetteer: try TestResources.gazetteer(), programmes: try TestResources.programmes())
        for row in rows {
            let facts = stage.facts(in: Article(source: "t.txt", part: 0, text: row.text))
            guard let fact = facts.first(where: { $0.text == row.span }) else {
                XCTFail("\(row.rule): no fact \(row.span) in \(facts.map(\.text))", line: row.line)
                continue
            }
            XCTAssertEqual(fact.region, row.region, row.rule, line: row.line)
        }
    }

    func testOneFigureInTwoPlacesOfAParagraphIsTwoFacts() throws {
        let stage = ExtractStage(config: ExtractConfig(), gazetteer: try TestResources.gazetteer(), programmes: try TestResources.programmes())
        let text = "2019年，上海市及黄浦区对口支援万州区项目共26个，援助总金额5042万元；上海市及静安区对口支援夷陵区项目共30个，援助总金额5042万元。"
        let facts = stage.facts(in: Article(source: "t.txt", part: 0, text: text)).filter { $0.text == "5042万元" }
        XCTAssertEqual(facts.map(\.region), ["万州区", "夷陵区"])
        XCTAssertEqual(facts.map(\.partnerRegion), ["黄浦区", "静安区"])
        // Trap: a headline that repeats the body's figure is the same fact, written once.
        let repeated = "援助总金额5042万元\n2019年，上海市及黄浦区对口支援万州区项目共26个，援助总金额5042万元。"
        XCTAssertEqual(stage.facts(in: Article(source: "t.txt", part: 0, text: repeated)).filter { $0.text == "5042万元" }.count, 1)
    }
}
