import XCTest

@testable import XiezuoCore

/// Helper against helped place in the wordings of cooperation news (向, 帮助, 援建, 对口, 结对,
/// 协作): the figure's region is the helped place, by its full gazetteer name with its code and
/// hierarchy; its partner is the helper (docs/regions.md).
final class RegionRoleTableTests: XCTestCase {
    private struct Row {
        var wording: String
        var text: String
        var span: String
        var region: String?
        var partner: String?
    }

    private let rows: [Row] = [
        Row(wording: "向", text: "广州市向毕节市捐赠帮扶资金500万元。", span: "500万元", region: "毕节市", partner: "广州市"),
        Row(wording: "帮助", text: "在广州市黄埔区帮助下，三都县新建帮扶项目12个。", span: "12个", region: "三都水族自治县", partner: "黄埔区"),
        Row(wording: "援建", text: "深圳市援建汕尾市项目28个。", span: "28个", region: "汕尾市", partner: "深圳市"),
        Row(wording: "对口", text: "上海市及黄浦区对口支援万州区项目共26个。", span: "26个", region: "万州区", partner: "黄浦区"),
        Row(wording: "结对", text: "荔湾区结对帮扶龙里县，投入协作资金3000万元。", span: "3000万元", region: "龙里县", partner: "荔湾区"),
        Row(wording: "协作", text: "番禺区化龙镇携手五华县长布镇，消费帮扶金额达70余万元。", span: "70余万元", region: "长布镇", partner: "化龙镇"),
        Row(wording: "no helper", text: "韶关市全年新签约项目1284个。", span: "1284个", region: "韶关市", partner: nil),
        Row(
            wording: "给予", text: "山东省及临沂市累计给予城口县资金援助达2.6亿元。", span: "2.6亿元", region: "城口县", partner: "临沂市"),
        Row(
            wording: "派驻", text: "广州市派驻湛江市驻镇帮镇扶村指挥部，拨付帮扶资金10.08亿元。", span: "10.08亿元", region: "湛江市",
            partner: "广州市"),
        Row(
            wording: "驰援", text: "广州第一时间驰援毕节市，捐赠物资价值300万元。", span: "300万元", region: "毕节市", partner: "广州市"),
        Row(
            wording: "牵头的 (the lead of a helping group)",
            text: "番禺区化龙镇牵头的各成员单位与五华县长布镇开展帮扶协作。化龙镇组织消费采购70余万元。", span: "70余万元",
            region: "长布镇", partner: "化龙镇"),
        Row(wording: "trap: a helped county 牵头成立 a cooperative", text: "三都县牵头成立合作社，带动就业200人。", span: "200人", region: "三都水族自治县", partner: nil),
        Row(
            wording: "a list rolls up; 广东 helps 贵州 in 东西部协作, so 广州 is the partner",
            text: "广州调动各方力量，共有227家企业到毕节、黔南两地投资兴业。", span: "227家", region: "贵州省", partner: "广州市"),
        Row(
            wording: "a venue is not the region; the pairing name 津甘 names 天津 the partner",
            text: "甘肃省东西部协作新闻发布会在兰州召开，津甘协作签约引进项目76个。", span: "76个", region: "甘肃省", partner: "天津市"),
    ]

    func testHelpersAreThePartnerAndTheHelpedPlaceIsTheRegion() throws {
        let stage = ExtractStage(config: ExtractConfig(), gazetteer: try TestResources.gazetteer(), programmes: try TestResources.programmes())
        for row in rows {
            let facts = stage.facts(in: Article(source: "t.txt", part: 0, text: row.text))
            guard let fact = facts.first(where: { $0.text == row.span }) else {
                XCTFail("\(row.wording): no fact \(row.span) in \(facts.map(\.text))")
                continue
            }
            XCTAssertEqual(fact.region, row.region, "\(row.wording): region of \(row.span)")
            XCTAssertEqual(fact.partnerRegion, row.partner, "\(row.wording): partner of \(row.span)")
        }
    }

    func testARegionCarriesItsCodeAndHierarchy() throws {
        let stage = ExtractStage(config: ExtractConfig(), gazetteer: try TestResources.gazetteer(), programmes: try TestResources.programmes())
        let text = "在广州市番禺区帮扶下，五华县长布镇新建产业项目12个；北京市大兴区安排帮扶项目8个。"
        let facts = stage.facts(in: Article(source: "t.txt", part: 0, text: text))
        let township = try XCTUnwrap(facts.first { $0.text == "12个" })
        XCTAssertEqual(township.region, "长布镇")
        XCTAssertEqual(township.county, "五华县")
        XCTAssertEqual(township.city, "梅州市")
        XCTAssertEqual(township.province, "广东省")
        XCTAssertEqual(township.regionCode, "441424", "a township carries its county's code")
        XCTAssertEqual(township.partnerRegion, "番禺区")
        XCTAssertEqual(township.partnerRegionCode, "440113")
        let district = try XCTUnwrap(facts.first { $0.text == "8个" })
        XCTAssertEqual(district.region, "大兴区")
        XCTAssertEqual(district.city, "北京市", "a municipality is its districts' city")
        XCTAssertEqual(district.province, "北京市")
    }
}
