import XCTest

@testable import XiezuoCore

/// Topic pages: several articles one after another, each with its own headline and its own
/// date or source line. Each becomes an article with its own date and outlet; a single article
/// is not split at its subheads. And the outlet each article names.
final class CleanTopicPageTests: XCTestCase {
    private let lead = "两地协作产业园今年新签约项目12个，总投资18.6亿元，带动当地群众就近就业，协作成效持续显现。"
    private let second = "园区负责人介绍，下一步将继续完善配套设施，吸引更多企业入驻，力争产值再上新台阶。"

    func testATopicPageSplitsIntoItsArticlesEachWithItsOwnDateAndOutlet() throws {
        let articles = try CleanTestSupport.articles(fixture: "topic-page.txt")
        XCTAssertEqual(
            articles.map(\.title), ["两地深化劳务协作 帮助1.2万人实现就业", "消费帮扶助农增收 销售农产品2.3亿元", "产业园区建设提速 引进企业45家"])
        XCTAssertEqual(
            articles.map(\.published),
            [CivilDate(year: 2023, month: 3, day: 1), nil, CivilDate(year: 2023, month: 2, day: 10)],
            "the second article states no date and takes none from its neighbours")
        XCTAssertEqual(articles.map(\.outlet), ["甲日报", "乙晚报", "丙网"])
        XCTAssertTrue(articles[0].text.hasSuffix("两地还开展技能培训30期，培训1500人次。"), articles[0].text)
        XCTAssertFalse(articles[0].text.contains("协作专题"), "the topic page's own heading is no article's")
    }

    func testATopicPageInHTMLSplitsUnderItsOwnHeading() throws {
        let page = """
            <html><head><meta charset="utf-8"><title>消费帮扶_专题_某某网</title></head><body>
            <div id="topnav"><a href="/">首页</a><a href="/zh/">综合</a><a href="/zt/">专题</a></div>
            <h1>专题：消费帮扶</h1>
            <div class="topic-item"><h2>消费帮扶展销活动举办</h2>
            <div class="src">2023-07-02　来源：甲日报</div>
            <p>\(lead)</p><p>\(second)</p>
            <p class="src">来源 | 甲日报　责编 | 张三　校对 | 李四</p></div>
            <div class="topic-item"><h2>山货进城 工作队办展销</h2>
            <div class="src">来源：乙晚报</div>
            <p>乙晚报讯 近日，工作队发起的消费帮扶活动在镇政府内举办，一小时内即时消费近万元，拓宽了山区农产品的展销平台。</p>
            <p>\(second)</p></div>
            </body></html>
            """
        let articles = try CleanTestSupport.articles(Array(page.utf8), name: "topic.html")
        XCTAssertEqual(articles.map(\.title), ["消费帮扶展销活动举办", "山货进城 工作队办展销"])
        XCTAssertEqual(articles.map(\.published), [CivilDate(year: 2023, month: 7, day: 2), nil])
        XCTAssertEqual(articles.map(\.outlet), ["甲日报", "乙晚报"])
    }

    func testTheNextArticlesHeadlineAfterAPreviousLinkStartsIt() throws {
        let page = """
            \(String("两地协作结硕果"))

            2022-05-10　来源：甲网

            \(lead)

            \(second)

            上一篇：两地劳务协作 外出务工规模达12.3万人

            两地劳务协作 外出务工规模达12.3万人

            2021-11-03　来源：乙网（转自某某社）

            截至9月底，两地外出务工规模达12.3万人，高于上年，东西部劳务协作不断深化，就业帮扶成效明显。
            """
        let articles = try CleanTestSupport.articles(Array(page.utf8))
        XCTAssertEqual(articles.map(\.title), ["两地协作结硕果", "两地劳务协作 外出务工规模达12.3万人"])
        XCTAssertEqual(
            articles.map(\.published),
            [CivilDate(year: 2022, month: 5, day: 10), CivilDate(year: 2021, month: 11, day: 3)])
        XCTAssertEqual(articles.map(\.outlet), ["甲网", "乙网"])
    }

    func testASingleArticleIsNotSplitAtItsSubheads() throws {
        let page = """
            协作产业园签约项目12个

            发布时间：2024-03-01 10:30

            \(lead)

            园区建设提速

            \(second)

            一、强化技术服务

            技术人员常年驻村指导，果农的管理水平明显提升，合作社的产量和效益稳步提高。
            """
        let articles = try CleanTestSupport.articles(Array(page.utf8))
        XCTAssertEqual(articles.count, 1)
        XCTAssertTrue(articles[0].text.contains("\n园区建设提速\n"))
    }

    func testAShortHeadingOverADateIsATimelinesNotANewArticle() throws {
        let page = """
            协作产业园签约项目12个

            发布时间：2024-03-01 10:30

            \(lead)

            大事记

            2024年1月5日

            两地签订新一轮协作协议，明确在产业共建、劳务协作、消费帮扶等方面深化合作，推动协作走深走实。
            """
        let articles = try CleanTestSupport.articles(Array(page.utf8))
        XCTAssertEqual(articles.map(\.title), ["协作产业园签约项目12个"])
        XCTAssertEqual(articles.map(\.published), [CivilDate(year: 2024, month: 3, day: 1)])
    }

    func testAHeadingAboveADateLineDoesNotSplitAParagraphBrokenAcrossColumns() throws {
        let page = """
            协作产业园签约项目12个

            \(lead)园区负责人介绍，

            园区建设提速

            2024-03-01

            下一步将继续完善配套设施，吸引更多企业入驻，力争产值再上新台阶。
            """
        XCTAssertEqual(try CleanTestSupport.articles(Array(page.utf8)).count, 1)
    }

    // MARK: Outlets

    func testTheSourceLineNamesTheOutletBeforeTheDatelineAndItsChannelIsCutOff() throws {
        let cases: [(String, String?)] = [
            ("2018年11月06日 21:40　来源：某某新闻网", "某某新闻网"),
            ("2020年10月08日09:15 | 来源：某某网-地方频道", "某某网"),
            ("2022-08-15 11:20:05　来源：某某改革报江城记者站", "某某改革报"),
            ("2021-11-03　来源：某某信息网（转自某某社）", "某某信息网"),
            ("（来源：网络　责任编辑：某某）", nil),
            ("2023-01-16 08:45　某某电视台·新媒体中心", "某某电视台·新媒体中心"),
        ]
        for (line, outlet) in cases {
            let page = "协作产业园签约项目12个\n\n\(line)\n\n某某网江城10月12日电 \(lead)\n\n\(second)\n"
            XCTAssertEqual(try CleanTestSupport.articles(Array(page.utf8)).first?.outlet, outlet ?? "某某网", line)
        }
        let closing = "协作产业园签约项目12个\n\n\(lead)\n\n\(second)\n\n编辑：某某\n来源：某某晚报•某某派\n"
        XCTAssertEqual(try CleanTestSupport.articles(Array(closing.utf8)).first?.outlet, "某某晚报•某某派")
    }
}
