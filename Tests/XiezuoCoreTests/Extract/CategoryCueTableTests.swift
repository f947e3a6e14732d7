import XCTest

@testable import XiezuoCore

/// The category cues of the development set's annotation conventions (Fixtures/dev/README.md,
/// "table / category", and its decoys), one row per cue or rule and a trap beside each: the
/// figure spelled `span` in `text` must be a fact of that category, or no fact at all.
final class CategoryCueTableTests: XCTestCase {
    private struct Row {
        var rule: String
        var text: String
        var span: String
        /// nil: not a fact.
        var category: FactCategory?
        var line: UInt = #line
    }

    private let rows: [Row] = [
        // investment: 签约额/签约金额/协议额/合同投资额 of projects, 到位资金 of enterprises.
        Row(rule: "协议额 is a project's signed amount", text: "签约引进项目76个，协议额111.9亿元。", span: "111.9亿元", category: .investment),
        Row(rule: "总签约额", text: "签约合作项目76个，总签约额1114.79亿元。", span: "1114.79亿元", category: .investment),
        Row(rule: "合同投资额", text: "新签项目12个，合同投资额8.6亿元。", span: "8.6亿元", category: .investment),
        Row(rule: "到位资金 of enterprises", text: "累计吸引企业落地投资，实际到位投资资金144.8亿元。", span: "144.8亿元", category: .investment),
        Row(rule: "trap: 资金 alone is a fund", text: "安排财政资金2800万元。", span: "2800万元", category: .fund),
        // fund → donation: 社会力量投入帮扶资金.
        Row(rule: "社会力量 giving is a donation", text: "引导东部社会力量投入帮扶资金595万元。", span: "595万元", category: .donation),
        Row(rule: "trap: public money put in stays a fund", text: "累计投入财政帮扶资金1.3623亿元。", span: "1.3623亿元", category: .fund),
        // trade: 采购, 销售, 购销, 货值 sold; 发卖 (to sell, as content farms spin 销售).
        Row(rule: "购销总额", text: "完成农副产品购销总额2.69亿元。", span: "2.69亿元", category: .trade),
        Row(rule: "发卖 is selling", text: "现场发卖和签约农产品金额达45万元。", span: "45万元", category: .trade),
        Row(rule: "货值 of goods sold", text: "展销农特产品200余类，货值共计15万元。", span: "15万元", category: .trade),
        // income: 分红, 村集体收入; a household's or a person's income is a decoy.
        Row(rule: "村集体经济收入", text: "村集体经济收入达到919万元。", span: "919万元", category: .income),
        Row(rule: "分红", text: "合作社向农户分红36万元。", span: "36万元", category: .income),
        Row(rule: "trap: a household's income", text: "如今，他一家住进了新房，年收入大约4万元。", span: "大约4万元", category: nil),
        Row(rule: "收入 right after the amount names it income", text: "目前，这766万元收入已全部落实到位。", span: "766万元", category: .income),
        Row(rule: "trap: income in a saying", text: "一家七口靠种玉米过日子，一年收入不过万元。", span: "万元", category: nil),
        Row(rule: "trap: a threshold", text: "带动年收入10万元以上的行政村增长60%。", span: "10万元以上", category: nil),
        // jobs: transfer is 转移就业, 输转, 外出务工, 到外省就业.
        Row(rule: "转移…就业 is a transfer", text: "镇雄县通过协作机制转移省外就业3648人。", span: "3648人", category: .transfer),
        Row(
            rule: "转移 earlier in the clause than 就业", text: "成功转移建档立卡贫困劳动力到上海就业五十三人，", span: "五十三人",
            category: .transfer),
        Row(rule: "trap: local jobs are employment", text: "解决就地就近就业一千二百人。", span: "一千二百人", category: .employment),
        Row(
            rule: "trap: 产业转移 moves industry, not people", text: "马厂镇产业转移合作园吸纳37名安置群众和周边群众务工。", span: "37名",
            category: .employment),
        Row(rule: "输转", text: "全年输转农村劳动力12.5万人。", span: "12.5万人", category: .transfer),
        // A macro word yields to a cue between it and the figure.
        Row(rule: "外出务工 after 人口 counts workers", text: "全省脱贫人口外出务工规模达335.6万人。", span: "335.6万人", category: .transfer),
        Row(rule: "trap: a population count", text: "全县常住人口达35.2万人。", span: "35.2万人", category: nil),
        Row(rule: "trap: residents of relocation housing", text: "易地搬迁入住43.16万户192.08万人。", span: "192.08万人", category: nil),
        Row(rule: "trap: 脱贫 counts are population statistics", text: "毕节市和黔南州共有180.49万人脱贫。", span: "180.49万人", category: nil),
        // Workers counted without a classifier.
        Row(rule: "N万农村劳动力", text: "帮助广西73.09万农村劳动力实现就业。", span: "73.09万农村劳动力", category: .employment),
        // training: a long noun phrase of people before 培训.
        Row(
            rule: "赴外培训 after a long noun phrase", text: "共组织超过四百名扶贫干部和教育、卫生专业技术人员赴沪培训，",
            span: "超过四百名", category: .training),
        Row(rule: "trap: cadres sent to take up posts", text: "选派200名干部、1274名专业技术人才到江苏挂职。", span: "1274名", category: nil),
        // projects: 规上工业企业 N 家; X企.
        Row(rule: "规上工业企业数", text: "截至2025年底，规上工业企业数125家。", span: "125家", category: .enterprises),
        Row(rule: "N家粤企", text: "共有227家粤企到毕节投资兴业。", span: "227家", category: .enterprises),
        Row(rule: "trap: administrative items are no projects", text: "将85项行政审批事项委托管委会实施。", span: "85项", category: nil),
        // Counts of places and per-place averages are decoys.
        Row(rule: "trap: a count of provinces", text: "东部8个省市与西部10个省区市共建产业园区741个。", span: "10个", category: nil),
        Row(rule: "the parks of the same sentence", text: "东部8个省市与西部10个省区市共建产业园区741个。", span: "741个", category: .parks),
        Row(rule: "trap: counts of counties and towns", text: "广州市选派干部，对口帮扶7个县（市、区）24个镇。", span: "24个", category: nil),
        Row(rule: "trap: a count of provinces behind a modifier", text: "19个援疆省市援疆项目资金到疆已达110.1亿元。", span: "19个", category: nil),
        Row(rule: "a count of projects named after cities", text: "全市实施12个城市更新项目。", span: "12个", category: .projects),
        Row(rule: "a count of rural projects", text: "新建3个乡村振兴示范项目。", span: "3个", category: .projects),
        Row(rule: "trap: a per-county average", text: "投入财政援助资金231.9亿元，县均投入5187万元。", span: "5187万元", category: nil),
        Row(rule: "村民 are people, not villages", text: "项目带动200多名村民实现增收。", span: "200多名", category: .beneficiaries),
        Row(rule: "乡亲 are people, not townships", text: "并带动50多户、200多名乡亲实现增收。", span: "200多名", category: .beneficiaries),
    ]

    func testEveryCueOfTheConventions() throws {
        let stage = ExtractStage(config: ExtractConfig(), gazetteer: try TestResources.gazetteer(), programmes: try TestResources.programmes())
        for row in rows {
            let facts = stage.facts(in: Article(source: "t.txt", part: 0, text: row.text))
            let fact = facts.first { $0.text == row.span }
            XCTAssertEqual(fact?.category, row.category, "\(row.rule): \(row.span) in \(row.text)", line: row.line)
        }
    }

    func testSpansAreFigures() {
        // Every span above is read as a figure, so that a nil category means "not a fact", not "not found".
        for row in rows {
            let text = Array(row.text.unicodeScalars)
            let spans = FigureScanner().figures(in: text).map { ScalarText.string(text[$0.range]) }
            XCTAssertTrue(spans.contains(row.span), "\(row.rule): \(row.span) is not a figure of \(row.text) (\(spans))", line: row.line)
        }
    }
}
