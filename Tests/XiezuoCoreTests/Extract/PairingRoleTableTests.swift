import XCTest

@testable import XiezuoCore

/// Helper and helped sides read from the programmes' own structure (`PairingRoles`): pairing names
/// made of province abbreviations, 援 + the helped province, places of both provinces of an
/// official pairing, enterprises and abbreviations of the helping province; with the traps that
/// must not be read so (a peer pair, a stray mention, a newspaper's name, help inside the
/// helping province). Each row: the figure's region and partner through the extract stage.
final class PairingRoleTableTests: XCTestCase {
    private struct Row {
        var rule: String
        var text: String
        var span: String
        var region: String?
        var partner: String?
        var line: UInt = #line
    }

    private let rows: [Row] = [
        Row(
            rule: "a pairing name: the helper's province is neither region nor missing partner",
            text: "粤桂东西部协作不断深化。广西累计投入广东省财政帮扶资金17.45亿元，实施帮扶项目337个。", span: "17.45亿元",
            region: "广西壮族自治区", partner: "广东省"),
        Row(
            rule: "a pairing name in the other order: the official pairing decides, not the order",
            text: "“龙粤”两省再牵手。黑龙江省与广东省举行对口合作项目签约仪式，签约合作项目76个。", span: "76个", region: "黑龙江省",
            partner: "广东省"),
        Row(
            rule: "援 and the helped province: the other province helps",
            text: "浙江省发改委下达2023年度援疆项目实施计划，阿克苏地区安排援疆资金17.56亿元。", span: "17.56亿元", region: "阿克苏地区",
            partner: "浙江省"),
        Row(
            rule: "places of both provinces of a pairing, the helped one's a part of the story",
            text: "广州调动各方力量帮扶毕节。毕节市新建蔬菜基地，广州安排财政资金1.2亿元。\n毕节蔬菜走进大湾区。", span: "1.2亿元",
            region: "毕节市", partner: "广州市"),
        Row(
            rule: "an enterprise of the helping province names it the partner",
            text: "鲁渝产业协作签约活动在重庆市城口县举行。城口县与鲁商集团共签约项目5个，签约投资总金额20亿元。", span: "20亿元",
            region: "城口县", partner: "山东省"),
        Row(
            rule: "the helping province's abbreviation after a verb of going",
            text: "沪滇帮扶协作持续深化。昆明市共组织超过四百名扶贫干部赴沪培训。", span: "超过四百名", region: "昆明市", partner: "上海市"),
        Row(
            rule: "a province found as partner stands for the one district the story follows",
            text: "上海市普陀区加大对寻甸县的帮扶。普陀区干部组织寻甸农产品赴上海展销，实现销售93万元。\n沪滇协作结出硕果。", span: "93万元",
            region: "寻甸回族彝族自治县", partner: "普陀区"),
        Row(
            rule: "a weak helper cue on the helped side is dropped (X与Y written the other way round)",
            text: "京蒙协作再升级。乌兰察布与大兴紧密相连。2024年，大兴区安排乌兰察布财政资金2800万元。", span: "2800万元",
            region: "乌兰察布市", partner: "大兴区"),
        Row(
            rule: "a pairing of two cities of one province written as one name",
            text: "广清经济特别合作区揭牌。片区紧邻广州空港经济区，到广州市区仅需25分钟。广清产业园累计签约项目372个。\n清远市、清城区加快发展。",
            span: "372个", region: "清远市", partner: "广州市"),
        Row(
            rule: "a total after pairs that act respectively: all the helped places and the place holding the helpers",
            text: "上海市对口支援重庆市万州区、湖北省宜昌市夷陵区。会上，上海黄浦区政府与万州区政府、静安区政府与夷陵区政府分别签订协议书，援助项目共56个，援助金额逾亿元。",
            span: "逾亿元",
            region: nil, partner: "上海市"),
        Row(
            rule: "trap: without 分别 the figure is the nearest pair's",
            text: "上海市对口支援重庆市万州区、湖北省宜昌市夷陵区。会上，上海黄浦区政府与万州区政府签订协议书，静安区政府与夷陵区政府签订协议书，援助金额5000万元。",
            span: "5000万元",
            region: "夷陵区", partner: "静安区"),
        Row(
            rule: "trap: helpers listed side by side are no one partner",
            text: "浙江省援疆指挥部举行推进会。湖南省援疆工作队到达。\n截至9月底，其中：湖南、浙江资金到疆已超额完成计划；援疆项目已开工1076个。", span: "1076个",
            region: nil, partner: nil),
        Row(
            rule: "trap: a helper in a later clause is not the figure's",
            text: "援疆工作持续推进。伊犁州新建产业园9个，依托江苏南通国际家纺产业园建设。\n江苏援伊工作队表示将继续推进。", span: "9个",
            region: "伊犁哈萨克自治州", partner: "江苏省"),
        // Traps.
        Row(
            rule: "trap: a round-up of several helpers gives no partner to a figure that names none",
            text: "北京携手内蒙古建设基地。广东携手广西、贵州共建产业园区215个。\n东部8个省市向西部10个省区市投入财政援助资金231.9亿元。", span: "231.9亿元",
            region: nil, partner: nil),
        Row(
            rule: "trap: one helper's article still gives it to a figure that names none",
            text: "上海市及黄浦区对口支援万州区。\n上海市及静安区对口支援夷陵区。\n20多年来，累计援助资金4.95亿元。", span: "4.95亿元",
            region: nil, partner: "上海市"),
        Row(
            rule: "trap: two provinces that no programme pairs (a peer cooperation)",
            text: "川渝合作持续深化。重庆市荣昌区新建产业项目12个。", span: "12个", region: "荣昌区", partner: nil),
        Row(
            rule: "trap: a stray mention of another province does not make the story a pairing",
            text: "广州市从化区良口镇推进百千万工程，新建项目12个。良口镇民宿游客来自新疆。\n良口镇农民增收。", span: "12个",
            region: "良口镇", partner: nil),
        Row(
            rule: "trap: help inside the helping province keeps its places",
            text: "南沙区对口帮扶协作平远县，累计投入帮扶资金超1.1亿元。南沙区还支持贵州紫云县、安顺市西秀区发展。\n紫云县增收。",
            span: "超1.1亿元", region: "平远县", partner: "南沙区"),
        Row(
            rule: "trap: a newspaper's name is no pairing name", text: "据新京报报道，海淀区新建项目8个。", span: "8个", region: "海淀区",
            partner: nil),
        Row(
            rule: "trap: a place's name is no pairing name (新津, a district of 成都, is not 新疆 and 天津)",
            text: "天津企业考察成都。新津产业园区新签约项目9个。", span: "9个", region: "新津区", partner: nil),
        Row(
            rule: "trap: 支援新农村 does not name 新疆",
            text: "江苏企业支援新农村建设。江苏省南京市江宁区新建项目6个。\n安徽省合肥市肥西县新建项目3个。\n安徽省合肥市肥西县农民增收。",
            span: "6个", region: "江宁区", partner: nil),
    ]

    func testPairingsGiveHelperAndHelped() throws {
        let stage = ExtractStage(config: ExtractConfig(), gazetteer: try TestResources.gazetteer(), programmes: try TestResources.programmes())
        for row in rows {
            let facts = stage.facts(in: Article(source: "t.txt", part: 0, text: row.text))
            guard let fact = facts.first(where: { $0.text == row.span }) else {
                XCTFail("\(row.rule): no fact \(row.span) in \(facts.map(\.text))", line: row.line)
                continue
            }
            XCTAssertEqual(fact.region, row.region, "\(row.rule): region of \(row.span)", line: row.line)
            XCTAssertEqual(fact.partnerRegion, row.partner, "\(row.rule): partner of \(row.span)", line: row.line)
        }
    }

    func testTheBundledTablesCoverEveryProvinceAndTheProgrammesPairs() throws {
        let gazetteer = try TestResources.gazetteer()
        let pairs = gazetteer.pairs
        let regions = try CSVReader.records(atPath: XCTUnwrap(ProcessorResources.bundledDirectory) + "/regions.csv")
        let abbreviated = try CSVReader.records(atPath: XCTUnwrap(ProcessorResources.bundledDirectory) + "/province-abbreviations.csv").dropFirst().compactMap { $0[0] }
        let provinceNames = regions.filter { $0[2] == "province" }.compactMap { $0[0] }
        XCTAssertEqual(provinceNames.count, 34)
        XCTAssertEqual(Set(provinceNames), Set(abbreviated), "every province has an abbreviation")
        func province(_ name: String) throws -> Int32 {
            try XCTUnwrap(gazetteer.places(named: Array(name.unicodeScalars)[...]).first { gazetteer.place($0).level == .province })
        }
        XCTAssertEqual(pairs.province(abbreviatedAs: "粤"), try province("广东省"))
        XCTAssertEqual(pairs.province(abbreviatedAs: "黔"), try province("贵州省"))
        XCTAssertEqual(pairs.province(abbreviatedAs: "贵"), try province("贵州省"))
        XCTAssertEqual(pairs.province(abbreviatedAs: "疆"), try province("新疆维吾尔自治区"))
        XCTAssertNil(pairs.province(abbreviatedAs: "州"))
        XCTAssertTrue(pairs.isPair(helper: try province("广东省"), recipient: try province("黑龙江省")))
        XCTAssertFalse(pairs.isPair(helper: try province("黑龙江省"), recipient: try province("广东省")))
        XCTAssertFalse(pairs.isPair(helper: try province("四川省"), recipient: try province("重庆市")))
    }

    func testMalformedTablesAreRefusedWithTheirFileAndRecord() throws {
        let regions: [[String?]] = [Gazetteer.header, ["广东省", "广东", "province", nil, "440000"], ["广西壮族自治区", "广西", "province", nil, "450000"]]
        let abbreviations: [[String?]] = [CooperationPairs.abbreviationHeader, ["广东省", "粤", "jionlp"], ["广西壮族自治区", "粤", "jionlp"]]
        XCTAssertThrowsError(try Gazetteer(records: regions, abbreviations: abbreviations)) { error in
            XCTAssertEqual(
                (error as? GazetteerError)?.message, "province-abbreviations.csv: record 3: 粤 already names another province")
        }
        let pairings: [[String?]] = [CooperationPairs.pairingHeader, ["广东省", "贵州省", "东西部协作", "ew2021"]]
        XCTAssertThrowsError(try Gazetteer(records: regions, pairings: pairings)) { error in
            XCTAssertEqual(
                (error as? GazetteerError)?.message, "pairings.csv: record 2: helper and recipient must be two provinces of regions.csv")
        }
        XCTAssertThrowsError(try Gazetteer(records: regions, pairings: [["helper", "recipient"]])) { error in
            XCTAssertEqual((error as? GazetteerError)?.message, "pairings.csv: expected the header helper,recipient,programme,source")
        }
    }
}
