import XCTest

@testable import XiezuoCore

/// Table-driven cases for `RegionResolver`: short articles in the style of 东西部协作 / 对口帮扶 /
/// 百千万工程 coverage, a figure in each (its span as `FigureScanner` reads it), and the region the
/// figure must get. Each case names the rule it pins down; docs/regions.md explains the rules.
final class RegionResolverTests: XCTestCase {
    private struct Case {
        var rule: String
        var article: String
        var figure: String
        var expected: String?
        var line: UInt
    }

    private static func cases() -> [Case] {
        func row(_ rule: String, _ article: String, _ figure: String, _ expected: String?, line: UInt = #line) -> Case {
            Case(rule: rule, article: article, figure: figure, expected: expected, line: line)
        }
        return [
            // Helpers are not the place of a figure, even when they are the nearest place.
            row(
                "在X的支持和推动下 names a helper",
                "纳雍县在天河区的支持和推动下投入资金300万元建设冷库。", "300万元", "纳雍县"),
            row(
                "在X帮扶下 with the city written before the district",
                "纳雍县蔬菜基地去年建成。在广州市天河区帮扶下，基地投入资金300万元。", "300万元", "纳雍县"),
            row(
                "X充分利用 names a helper; the paragraph gives the helped place",
                "望谟县扶贫车间建成投产。番禺区充分利用协作资金，累计投入800万元。", "800万元", "望谟县"),
            row(
                "X携手Y: Y is helped",
                "天河区携手纳雍县共建产业园，总投资2亿元。", "2亿元", "纳雍县"),
            row(
                "来自X的 names where a company comes from",
                "纳雍县引进来自天河区的企业，投资1000万元建设加工厂。", "1000万元", "纳雍县"),
            row(
                "发挥X所能 names a helper",
                "望谟县茶叶基地持续扩大。番禺区发挥所长，番禺所能与望谟所需对接，采购茶叶500万元。", "500万元", "望谟县"),
            row(
                "a helper of the article is a helper everywhere in it",
                "纳雍县乐治镇的蔬菜大棚。\n在天河区帮扶下，纳雍县建起蔬菜基地。\n纳雍县蔬菜进入大湾区。\n天河区投入资金500万元。",
                "500万元", "纳雍县"),
            row(
                "a kicker line names the helper of a newspaper series",
                "广州市番禺区：\n望谟县乐元镇的茶园。\n望谟县茶叶进入大湾区。\n番禺区组织企业采购茶叶600万元。",
                "600万元", "望谟县"),
            row(
                "X与Y: the first of a pair is its helper",
                "深圳与汕尾聚焦产业共建。深圳引导企业投资3亿元。\n深圳与河源共建产业园。\n深圳与汕尾合作深化。",
                "3亿元", "汕尾"),
            row(
                "a helped place that 充分发挥 its strengths once is not a helper",
                "纳雍县充分发挥生态优势发展茶产业。\n纳雍县茶园面积持续扩大。\n纳雍县茶叶销往广州。\n全县茶叶产值达5亿元。", "5亿元", "纳雍县"),
            row(
                "X驻Y办事处 is the helped county's office, not a helper's team",
                "纳雍县驻广州办事处组织推介会。\n纳雍县茶叶走进大湾区。\n纳雍县茶农增收。\n推介会签约金额2000万元。", "2000万元", "纳雍县"),
            // A place after the figure in its clause.
            row(
                "the place after the figure in its clause",
                "2月10日，300名务工人员从望谟县出发，前往广州返岗就业。", "300名", "望谟县"),
            row(
                "a place that starts a company's name is not the figure's place",
                "广州华南生物集团总投资5亿元的项目已落地毕节。", "5亿元", "毕节"),
            // The article's focus.
            row(
                "a place inside a county focus rolls up to the county",
                "毕节市纳雍县乐治镇发展蔬菜产业。\n纳雍县蔬菜进入大湾区。\n纳雍县农民增收。\n在乐治镇，投入资金200万元建设冷链仓库。",
                "200万元", "纳雍县"),
            row(
                "a place that encloses the focus reports the focus",
                "望谟县乐元镇的茶园。\n望谟县茶叶走俏。\n望谟县的茶叶加工厂是黔西南州最大的，年产值700万元。\n望谟县茶农增收。",
                "700万元", "望谟县"),
            row(
                "a figure with no place of its own gets the focus",
                "望谟县扶贫车间建成。\n望谟县乐元镇茶园。\n车间吸纳群众就业120人。", "120人", "望谟县"),
            row(
                "a prefecture focus does not swallow the places inside it",
                "广州市推进百千万工程。\n广州各区协同发力。\n广州市从化区良口镇的民宿，去年营收300万元。\n广州城乡融合发展。",
                "300万元", "良口镇"),
            row(
                "a place outside the focus is reported as itself",
                "望谟县茶叶走俏。\n望谟县乐元镇的茶园。\n望谟县茶农增收。\n同时，番禺区向昭平县捐赠物资，总价值68万元。",
                "68万元", "昭平县"),
            row(
                "an article that names only its helper reports the helper",
                "广州市充分发挥协作优势，推进产业合作。\n全年签约合作项目超80个。", "超80个", "广州市"),
            // No single place.
            row(
                "a round-up of several helped places has no focus: a figure with no place is empty",
                "天河区携手纳雍县共建产业园。\n天河区与望谟县深化协作。\n天河区联合从化区良口镇开展结对。\n天河区持续发力，实现就业人员共1300人。",
                "1300人", nil),
            row(
                "a generic plural place before the figure means several places",
                "广州市推进协作。\n广州市企业走出去。\n2025年在13个国内合作城市举办17场对接活动。", "17场", nil),
            row(
                "协作省份 is a generic plural place",
                "荔湾区携手惠水县。\n东部省份采购、帮助销售西部协作省份农产品约10亿元。\n惠水县增收。\n龙里县增收。",
                "约10亿元", nil),
            // Article-local aliases and names.
            row(
                "once a township is named in full, its bare stem is that township",
                "天河区携手纳雍县共建产业园。\n天河区与望谟县深化协作。\n天河区结对从化区良口镇。\n消费帮扶良口农产品累计80万元。",
                "80万元", "良口镇"),
            row(
                "the form with a suffix is reported: 镇宁县 over 镇宁 and the official name",
                "安顺市镇宁布依族苗族自治县（简称“镇宁县”）发展蜂糖李产业。\n镇宁蜂糖李走俏大湾区，销售额达3000万元。",
                "3000万元", "镇宁县"),
            row(
                "a namesake district is read from the article's other places",
                "广州白云区帮扶的企业。\n贵阳市白云区的产业园，投资1.2亿元。", "1.2亿元", "白云区"),
        ]
    }

    func testTable() throws {
        let gazetteer = try TestResources.gazetteer()
        for testCase in Self.cases() {
            let found = try region(of: testCase.figure, in: testCase.article, gazetteer: gazetteer, line: testCase.line)
            XCTAssertEqual(found, testCase.expected, testCase.rule, line: testCase.line)
        }
    }

    func testNamesakeReadingFollowsTheArticle() throws {
        let gazetteer = try TestResources.gazetteer()
        let text = Array("贵阳市白云区的产业园".unicodeScalars)
        let places = ArticlePlaces(text: text, found: gazetteer.mentions(in: text), gazetteer: gazetteer)
        let district = try XCTUnwrap(places.mentions.first { $0.name == "白云区" })
        let parent = try XCTUnwrap(places.graph.nodes[district.node].parent)
        XCTAssertEqual(places.graph.nodes[parent].name, "贵阳市")
    }

    func testSubdistrictFoundBySuffixHangsUnderThePlaceBeforeIt() throws {
        let gazetteer = try TestResources.gazetteer()
        let text = Array("望谟县乐元镇新寨村的茶园，新寨村茶农增收".unicodeScalars)
        let places = ArticlePlaces(text: text, found: gazetteer.mentions(in: text), gazetteer: gazetteer)
        let villages = places.mentions.filter { $0.name == "新寨村" }
        XCTAssertEqual(villages.count, 2)
        let town = try XCTUnwrap(places.mentions.first { $0.name == "乐元镇" })
        XCTAssertTrue(villages.allSatisfy { places.graph.isInside($0.node, town.node) })
        XCTAssertEqual(places.mentions.filter(\.isChainPrefix).map(\.name), ["望谟县", "乐元镇"])
    }

    func testGazetteerLinksPlacesToTheirDivisions() throws {
        let gazetteer = try TestResources.gazetteer()
        let county = try XCTUnwrap(gazetteer.places(named: Array("三都县".unicodeScalars)[...]).first)
        XCTAssertEqual(gazetteer.places(named: Array("三都".unicodeScalars)[...]).first, county)
        var names = [gazetteer.place(county).name]
        var current = gazetteer.place(county).parents.first
        while let parent = current {
            names.append(gazetteer.place(parent).name)
            current = gazetteer.place(parent).parents.first
        }
        XCTAssertEqual(names, ["三都水族自治县", "黔南布依族苗族自治州", "贵州省"])
        // 鼓楼区 is a district of several cities: every reading is kept, each under its own city.
        let districts = gazetteer.places(named: Array("鼓楼区".unicodeScalars)[...])
        XCTAssertGreaterThanOrEqual(districts.count, 4)
        XCTAssertEqual(Set(districts.compactMap { gazetteer.place($0).parents.first }).count, districts.count)
        XCTAssertEqual(gazetteer.places(named: Array("径下村".unicodeScalars)[...]), [])
    }

    func testArticleWithoutPlacesHasNoRegion() throws {
        let gazetteer = try TestResources.gazetteer()
        XCTAssertNil(try region(of: "500万元", in: "投入资金500万元建设冷库。", gazetteer: gazetteer, line: #line))
    }

    /// The region `RegionResolver` gives the figure spelled `span` in `article`.
    private func region(of span: String, in article: String, gazetteer: Gazetteer, line: UInt) throws -> String? {
        let text = Array(article.unicodeScalars)
        let figures = FigureScanner().figures(in: text)
        let spans = figures.map { figure in
            var string = ""
            string.unicodeScalars.append(contentsOf: text[figure.range])
            return string
        }
        guard let index = spans.firstIndex(of: span) else {
            XCTFail("no figure \(span) in \(article); found \(spans)", line: line)
            return nil
        }
        let figure = figures[index]
        let sentence = try XCTUnwrap(
            SentenceSplitter.sentences(in: text).first { $0.range.contains(figure.range.lowerBound) }, line: line)
        var paragraphStart = figure.range.lowerBound
        while paragraphStart > 0, text[paragraphStart - 1] != "\n" { paragraphStart -= 1 }
        var paragraphEnd = figure.range.upperBound
        while paragraphEnd < text.count, text[paragraphEnd] != "\n" { paragraphEnd += 1 }
        let resolver = RegionResolver(text: text, mentions: gazetteer.mentions(in: text), gazetteer: gazetteer)
        return resolver.region(for: figure, sentence: sentence.range, paragraph: paragraphStart..<paragraphEnd)
    }
}
