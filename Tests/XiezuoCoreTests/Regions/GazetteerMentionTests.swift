import XCTest

@testable import XiezuoCore

/// Sentences from real 东西部协作 / 对口帮扶 / 百千万工程 coverage and the places the scanner must
/// find in them, in order: the `region` column is only as good as these.
final class GazetteerMentionTests: XCTestCase {
    private struct Case {
        var text: String
        var expected: [(String, PlaceLevel)]
        var line: UInt
    }

    private static func cases() -> [Case] {
        func row(_ text: String, _ expected: [(String, PlaceLevel)], line: UInt = #line) -> Case {
            Case(text: text, expected: expected, line: line)
        }
        return [
            row(
                "贵州省黔南布依族苗族自治州三都水族自治县(简称“三都县”)凤羽街道城南社区",
                [
                    ("贵州省", .province), ("黔南布依族苗族自治州", .prefecture), ("三都水族自治县", .county),
                    ("三都县", .county), ("凤羽街道", .township), ("城南社区", .village),
                ]),
            row("荔湾区与龙里县、惠水县深化产业协作", [("荔湾区", .county), ("龙里县", .county), ("惠水县", .county)]),
            row("广州从化区吕田镇的优质茶叶", [("广州", .prefecture), ("从化区", .county), ("吕田镇", .township)]),
            row("来到黄埔区径下村", [("黄埔区", .county), ("径下村", .village)]),
            row("村民们踊跃出资入股", []),
            row("中山大学中共党史党建研究院", []),
            row("深圳与汕尾则聚焦产业共建", [("深圳", .prefecture), ("汕尾", .prefecture)]),
            row("广东省粤黔协作工作队", [("广东省", .province)]),
            // Short forms, and autonomous divisions written with their plain suffix.
            row("赣州、龙岩两地", [("赣州", .prefecture), ("龙岩", .prefecture)]),
            row("富川县和昭平县的茶园", [("富川县", .county), ("昭平县", .county)]),
            row("富川、昭平两县", [("富川", .county), ("昭平", .county)]),
            row("黔东南州、黔南州", [("黔东南州", .prefecture), ("黔南州", .prefecture)]),
            // Ambiguous forms read as their most senior place; full names keep their own level.
            row("吉林与吉林市", [("吉林", .province), ("吉林市", .prefecture)]),
            row("大理州大理市", [("大理州", .prefecture), ("大理市", .county)]),
            row("中山市的企业落户中山", [("中山市", .prefecture), ("中山", .prefecture)]),
            // Villages and subdistricts by suffix, bounded on the left.
            row("来到径下村", [("径下村", .village)]),
            row("吕田镇长征村村民", [("吕田镇", .township), ("长征村", .village)]),
            row("在悦一村，", [("悦一村", .village)]),
            row("三都县涟江街道", [("三都县", .county), ("涟江街道", .township)]),
            row("城南居委会", [("城南居委会", .village)]),
            row("2024年径下村", [("径下村", .village)]),
            row("，惠水长征村", [("惠水", .county), ("长征村", .village)]),
            row("在龙岩村", [("龙岩村", .village)]),
            // Common nouns that end like places.
            row("全村", []),
            row("各村都有", []),
            row("推进美丽乡村建设，打造示范村", []),
            row("，建设新农村", []),
            row("乡村振兴", []),
            row("智慧社区和村集体经济", []),
            row("，城市街道两旁", []),
            row("，推动社区治理，盘活村内资源，也是长征村的", [("长征村", .village)]),
            row("，离不开村“两委”", []),
            row("在广州街道上", [("广州", .prefecture)]),
            // Short forms inside ordinary words, and the full names that are still places.
            row("227家企业到毕节投资兴业", [("毕节", .prefecture)]),
            row("到资兴市考察", [("资兴市", .county)]),
            row("易地搬迁安置小区", []),
            row("迁安市钢铁企业", [("迁安市", .county)]),
            row("华龙网-新重庆客户端", [("重庆", .province)]),
            row("助力村落复兴", []),
            row("邯郸市复兴区", [("邯郸市", .prefecture), ("复兴区", .county)]),
            // A banner's official short form (region-aliases.csv, from jionlp).
            row("大兴区与察右前旗、正镶白旗签订协议", [("大兴区", .county), ("察右前旗", .county), ("正镶白旗", .county)]),
            row("科右中旗", [("科右中旗", .county)]),
            // Ordinary words that are also place names.
            row("东区和新区、城区、开发区、高新区", []),
            row("长征精神", []),
            row("协作", []),
            row("大洞", []),
            row("洞庭湖南岸", []),
            row("太行山西麓", []),
            row("绿水青山就是金山银山", []),
            row("城镇化和小城镇建设", []),
            // Short forms that run into the words around them.
            row("感受到党和政府的关怀", []),
            row("乡村振兴和新型城镇化", []),
            row("实现共同富裕", []),
            row("广汽集团和广东东阳光科技", [("广东", .province)]),
            row("开启鼎湖昭平粤桂东西部协作新局", [("鼎湖", .county), ("昭平", .county)]),
            row("山西部分地区", [("山西", .province)]),
            // A township whose suffix starts a county-level or larger place gives way.
            row("南京镇江两地", [("南京", .prefecture), ("镇江", .prefecture)]),
            row("耒阳市南京镇", [("耒阳市", .county), ("南京镇", .township)]),
        ]
    }

    func testMentionsInCoverage() throws {
        let gazetteer = try TestResources.gazetteer()
        for item in Self.cases() {
            let found = gazetteer.mentions(in: Array(item.text.unicodeScalars))
            let names = found.map(\.name)
            XCTAssertEqual(names, item.expected.map(\.0), item.text, line: item.line)
            XCTAssertEqual(found.map(\.level), item.expected.map(\.1), item.text, line: item.line)
        }
    }

    func testRangesAreScalarOffsetsOfTheTextAsWritten() throws {
        let gazetteer = try TestResources.gazetteer()
        let text = Array("来到黄埔区径下村，投资2000万元".unicodeScalars)
        let found = gazetteer.mentions(in: text)
        XCTAssertEqual(found.map(\.range), [2..<5, 5..<8])
        for mention in found {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text[mention.range])
            XCTAssertEqual(String(view), mention.name)
        }
    }

    func testEmptyAndNonChineseText() throws {
        let gazetteer = try TestResources.gazetteer()
        XCTAssertEqual(gazetteer.mentions(in: []), [])
        XCTAssertEqual(gazetteer.mentions(in: Array("2024 GDP +5.2% 𠀀".unicodeScalars)), [])
        XCTAssertEqual(gazetteer.mentions(in: Array("广州".unicodeScalars)).map(\.name), ["广州"])
    }
}
