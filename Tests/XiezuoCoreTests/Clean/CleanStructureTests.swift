import XCTest

@testable import XiezuoCore

/// Article structure on pages written for these tests: headlines, decks, subheads, datelines,
/// metadata, broken paragraphs and several articles in one file.
final class CleanStructureTests: XCTestCase {
    func testBrokenParagraphsAreRejoinedAndSubheadsAreNot() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles(fixture: "broken-paragraphs.txt").first)
        XCTAssertEqual(
            article.text,
            """
            山区果园迎来丰收
            今年以来，两地持续推进果业协作，引进新品种、推广新技术，果园亩产明显提高。协作资金重点支持冷链仓储和分拣中心建设，帮助果农把鲜果卖到更远的地方。
            品牌建设见成效
            合作社充分利用协作资金“撬动”社会资本，建成标准化果园两千亩，带动三百多户果农增收。
            去年，园区新建的加工厂正式投产，年加工鲜果一万吨。
            合作社还与多家电商平台、商超、批发市场签订长期供货协议，销路不愁。
            一、强化技术服务
            技术人员常年驻村指导，果农的管理水平明显提升。
            """
        )
        XCTAssertEqual(article.removedChars, CleanTestSupport.weight("■果农在分拣中心忙碌。", "果业振兴"))
    }

    func testAPageWithSeveralArticlesSplitsOnKickerCaptionAndDatelineSignals() throws {
        let articles = try CleanTestSupport.articles(fixture: "multi-article.txt")
        XCTAssertEqual(articles.map(\.title), ["两地携手打造产业协作新样板", "医疗帮扶送健康下乡", "消费帮扶专馆开业"])
        XCTAssertEqual(articles.map(\.part), [0, 1, 2])
        XCTAssertEqual(
            articles[0].text,
            """
            两地携手打造产业协作新样板
            协作产业园区今年新增入驻企业一批，园区产值稳步增长，带动当地群众在家门口就业，协作成效持续显现。
            园区建设提速
            园区负责人介绍，今年将继续完善园区配套设施，吸引更多企业入驻，力争产值再上新台阶。
            """
        )
        XCTAssertEqual(
            articles[2].text,
            "消费帮扶专馆开业\n近日，消费帮扶专馆在市中心开业，专馆集中展示销售协作地区的特色农产品，开业当天人气火爆，市民纷纷选购。"
        )
        XCTAssertEqual(
            articles[0].removedChars,
            CleanTestSupport.weight("版面标签", "本期导读 专题报道", "广州市某区:", "■采写:本报记者 李明")
        )
        XCTAssertEqual(articles[1].removedChars, CleanTestSupport.weight("■专家为村民义诊。"))
        XCTAssertEqual(articles[2].removedChars, CleanTestSupport.weight("本报讯 记者王五报道 "))
        XCTAssertEqual(articles.map(\.outlet), [nil, nil, nil], "本报 names no outlet")
    }

    func testAPageWithSingleLineBreaksKeepsTitleSubheadAndMetadata() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles(fixture: "single-newlines.txt").first)
        XCTAssertEqual(
            article.text,
            """
            山海协作结出累累硕果
            两地协作以来，一批产业项目落地生根，带动群众增收致富，区域协调发展迈出坚实步伐。
            村里的新变化
            走进村子，新修的道路干净整洁，文化广场上村民们正在跳广场舞，处处洋溢着幸福的笑容。
            """
        )
        XCTAssertEqual(article.published, CivilDate(year: 2024, month: 3, day: 1))
        XCTAssertEqual(article.outlet, "某某新闻网")
    }

    func testChineseDatesAndTheOriginalOutletAreReadFromMetadataLines() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles(fixture: "metadata.txt").first)
        XCTAssertEqual(article.published, CivilDate(year: 2024, month: 3, day: 1))
        XCTAssertEqual(article.outlet, "南方日报", "本文转自 names the original; 来源 may be a copy")
        XCTAssertEqual(
            article.text,
            "对口帮扶十年结硕果\n十年来，两地在产业、教育、医疗等领域开展全方位帮扶，一大批民生项目落地见效，群众获得感显著增强，区域协调发展迈上新台阶。"
        )
    }

    func testTheSourceLineNamesTheOutletWhenNothingBetterIsStated() throws {
        let text = "山海协作结出累累硕果\n来源：羊城晚报\n两地协作以来，一批产业项目落地生根，带动群众增收致富，区域协调发展迈出坚实步伐，群众的获得感不断增强。\n"
        XCTAssertEqual(try CleanTestSupport.articles(Array(text.utf8)).first?.outlet, "羊城晚报")
    }

    func testLocalDatelineIsStrippedAndNamesNoOutlet() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles(fixture: "dateline-local.txt").first)
        XCTAssertEqual(
            article.text,
            "乡村工匠培训开班\n近日，乡村工匠培训班在县职业技术学校开班，来自各乡镇的学员参加培训，课程涵盖电工、焊工和农机维修等实用技术。"
        )
        XCTAssertNil(article.outlet)
        XCTAssertEqual(article.removedChars, CleanTestSupport.weight("本报讯（记者 张三 通讯员 李四）"))
    }

    func testNewspaperDatelineIsStrippedAndNamesTheOutlet() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles(fixture: "dateline-outlet.txt").first)
        XCTAssertTrue(article.text.hasSuffix("\n近日，乡村工匠培训班在县职业技术学校开班，来自各乡镇的学员参加培训，课程涵盖电工、焊工和农机维修等实用技术。"))
        XCTAssertEqual(article.outlet, "羊城晚报")
        XCTAssertEqual(article.removedChars, CleanTestSupport.weight("羊城晚报讯 记者王五 通讯员赵六报道 "))
    }

    func testWireDatelineIsStrippedAndNamesTheAgency() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles(fixture: "dateline-wire.txt").first)
        XCTAssertTrue(article.text.hasSuffix("\n近日，乡村工匠培训班在县职业技术学校开班，来自各乡镇的学员参加培训，课程涵盖电工、焊工和农机维修等实用技术。"))
        XCTAssertEqual(article.outlet, "新华社")
    }

    func testProseMentioningAReporterIsNotADateline() {
        XCTAssertNil(DatelineReader.read(ScalarText.scalars("记者了解到，据媒体报道，两地合作不断深化。")))
        XCTAssertNil(DatelineReader.read(ScalarText.scalars("喜讯!两地直飞航线正式开通")))
        XCTAssertNil(DatelineReader.read(ScalarText.scalars("通讯员陈某介绍，项目进展顺利。")))
        XCTAssertEqual(
            DatelineReader.read(ScalarText.scalars("南方日报讯 记者张三 近日，项目开工。")),
            DatelineReader.Match(outlet: "南方日报", length: 11)
        )
    }

    func testTraditionalTextIsMarkedHant() throws {
        XCTAssertEqual(try CleanTestSupport.articles(fixture: "traditional.txt").map(\.script), [.hant])
        XCTAssertEqual(try CleanTestSupport.articles(fixture: "kicker.txt").map(\.script), [.hans])
    }

    func testFragmentsShorterThanTheMinimumAreDroppedAndCountedAsRemoved() throws {
        var config = CleanConfig()
        config.minArticleChars = 65
        let articles = try CleanTestSupport.articles(fixture: "multi-article.txt", config: config)
        XCTAssertEqual(articles.map(\.title), ["两地携手打造产业协作新样板", "医疗帮扶送健康下乡"])
        let bytes = try CleanTestSupport.fixture("multi-article.txt")
        let total = CleanTestSupport.weight(String(decoding: bytes, as: UTF8.self))
        XCTAssertEqual(articles.reduce(0) { $0 + $1.removedChars + CleanTestSupport.weight($1.text) }, total)
    }
}
