import XCTest

@testable import XiezuoCore

/// The publication date, per signal, on pages written for these tests: the lines pages print
/// under a headline, the page's metadata, its address; and the traps, where a wrong date would
/// be worse than none (an event date in the body, an e-paper page header at a column break, a
/// site's "today" bar, an update time, a related list).
final class CleanPublishedDateTests: XCTestCase {
    private let lead = "两地协作产业园今年新签约项目12个，总投资18.6亿元，带动当地群众就近就业，协作成效持续显现。"
    private let second = "园区负责人介绍，下一步将继续完善配套设施，吸引更多企业入驻，力争产值再上新台阶。"
    private let headline = "协作产业园签约项目12个"

    private func published(_ text: String, name: String = "page.txt") throws -> [CivilDate?] {
        try CleanTestSupport.articles(Array(text.utf8), name: name).map(\.published)
    }

    private func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate? {
        CivilDate(year: year, month: month, day: day)
    }

    // MARK: Lines under the headline

    func testInfoLinesUnderTheHeadline() throws {
        let lines: [(String, CivilDate?)] = [
            ("发布时间：2024-03-31 09:38　来源：某某日报", date(2024, 3, 31)),
            ("发表时间：２０２１-０４-２６　来源：某某文明网", date(2021, 4, 26)),
            ("2022-12-07　来源：", date(2022, 12, 7)),
            ("2023-01-16 08:45　某某电视台·新媒体中心", date(2023, 1, 16)),
            ("某某日报网络版· 2025-02-11 10:05", date(2025, 2, 11)),
            ("2024年02月14日 08:13　某某日报　浏览：", date(2024, 2, 14)),
            ("2020年10月08日09:15 | 来源：某某网-地方频道", date(2020, 10, 8)),
            ("2022年03月21日 14时05分", date(2022, 3, 21)),
            ("日期：2023-11-02 09:15:00 来源：某某协作办", date(2023, 11, 2)),
            ("来源：某某网 2022-04-02 16:20", date(2022, 4, 2)),
            ("【发布时间：2024/3/5】", date(2024, 3, 5)),
            ("作者：张三 2024.03.05", date(2024, 3, 5)),
            ("二〇二一年三月九日", date(2021, 3, 9)),
            ("2021-05-18", date(2021, 5, 18)),
            ("2024年3月31日 星期日", date(2024, 3, 31)),
        ]
        for (line, expected) in lines {
            let page = "首页 > 正文\n\n\(headline)\n\n\(line)\n\n\(lead)\n\n\(second)\n"
            XCTAssertEqual(try published(page), [expected], line)
        }
    }

    /// A republication prints its own date beside the original's: the earliest is the article's.
    func testTheEarliestOfTheHeadsDatesIsTheArticles() throws {
        let page = "\(headline)\n\n2023年5月8日 | 查看：1024\n\n来源：某某网 2023-05-06 09:12\n\n\(lead)\n\n\(second)\n"
        XCTAssertEqual(try published(page), [date(2023, 5, 6)])
    }

    func testALabelledDateAtTheEndCountsWhenTheHeadStatesNone() throws {
        let page = "\(headline)\n\n\(lead)\n\n\(second)\n\n发布日期：2024-05-06\n"
        XCTAssertEqual(try published(page), [date(2024, 5, 6)])
        let source = "\(headline)\n\n\(lead)\n\n\(second)\n\n（来源：某某日报 2024年5月6日）\n"
        XCTAssertEqual(try published(source), [date(2024, 5, 6)])
    }

    // MARK: Traps

    func testAnEventDateInTheBodyIsNotThePublicationDate() throws {
        let page = """
            \(headline)

            2023年5月25日，协作项目推介会在成都举办，现场签约项目12个，总投资18.6亿元，带动当地群众就近就业。

            2024年1月5日

            \(second)
            """
        XCTAssertEqual(try published(page), [nil])
    }

    func testAnEPaperPageHeaderAtAColumnBreakIsNotThePublicationDate() throws {
        let page = """
            \(headline)

            \(lead)吸引社会

            （下转第2版）

            2023年3月14日　星期二　　第3版　　区域协作

            资本投入产业园建设1200万元，新建厂房8栋。
            """
        let article = try XCTUnwrap(CleanTestSupport.articles(Array(page.utf8)).first)
        XCTAssertNil(article.published)
        XCTAssertTrue(article.text.contains("吸引社会资本投入产业园建设1200万元"), article.text)
        XCTAssertFalse(article.text.contains("第3版"), article.text)
    }

    func testAnEPaperPageHeaderAboveTheHeadlineDatesTheArticle() throws {
        let page = "某某日报 2024年3月5日 第A04版 要闻\n\n\(headline)\n\n\(lead)\n\n\(second)\n"
        let article = try XCTUnwrap(CleanTestSupport.articles(Array(page.utf8)).first)
        XCTAssertEqual(article.published, date(2024, 3, 5))
        XCTAssertEqual(article.outlet, "某某日报")
    }

    func testASitesTodayBarAndAnUpdateTimeAreNotThePublicationDate() throws {
        for chrome in ["今天是2023年9月6日 星期三", "2023年9月6日 星期三", "更新时间：2023-09-06 08:00"] {
            let page = "\(chrome)\n某某资讯网\n\n\(headline)\n\n\(lead)\n\n\(second)\n"
            XCTAssertEqual(try published(page), [nil], chrome)
        }
        let update = "\(headline)\n\n更新时间：2024-11-20 08:00\n\n\(lead)\n\n\(second)\n"
        XCTAssertEqual(try published(update), [nil])
    }

    func testRelatedArticlesDatesAreNotThePublicationDate() throws {
        let page = """
            \(headline)

            \(lead)

            \(second)

            相关新闻
            两地协作再上新台阶 2024-03-02
            文旅融合怎么走？ 2024-02-20
            """
        XCTAssertEqual(try published(page), [nil])
    }

    func testAHeadlineThatStartsWithADateIsStillTheHeadlineAndGivesNoDate() throws {
        let page = "2024年3月1日 两地签约共建协作产业园\n\n\(lead)\n\n\(second)\n"
        let article = try XCTUnwrap(CleanTestSupport.articles(Array(page.utf8)).first)
        XCTAssertEqual(article.title, "2024年3月1日 两地签约共建协作产业园")
        XCTAssertNil(article.published)
    }

    // MARK: The page's metadata and address

    private func html(head: String, body: String = "") -> String {
        """
        <html><head><meta charset="utf-8"><title>\(headline)_要闻_某某网</title>\(head)</head><body>
        <h1>\(headline)</h1>\(body)
        <div class="content"><p>\(lead)</p><p>\(second)</p><p>两地还将在人才交流、劳务协作等方面深化合作。</p></div>
        </body></html>
        """
    }

    func testThePagesMetadataDatesAnUndatedArticle() throws {
        let heads = [
            #"<meta name="PubDate" content="2023-06-16 07:54">"#,
            #"<meta property="article:published_time" content="2023-06-16T07:54:00+08:00">"#,
            #"<script type="text/javascript">var pubtime = "2023-06-16 21:40:00"; var channelid = "gn";</script>"#,
            #"<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2024-01-01","#
                + #""datePublished":"2023-06-16T07:54:00+08:00"}</script>"#,
            #"<link rel="canonical" href="https://www.example.gov.cn/1001/2023/6/16/5b1c9e0d.shtml">"#,
            #"<meta property="og:url" content="http://news.example.com/n2/2023/0616/c1001-30012345.html">"#,
        ]
        for head in heads {
            XCTAssertEqual(try published(html(head: head), name: "page.html"), [date(2023, 6, 16)], head)
        }
    }

    func testTheArticlesOwnInfoLineBeatsThePagesMetadata() throws {
        let page = html(
            head: #"<meta name="PubDate" content="2024-01-05 07:54">"#,
            body: #"<div class="info">2023-06-16 09:00　来源：某某日报</div>"#)
        XCTAssertEqual(try published(page, name: "page.html"), [date(2023, 6, 16)])
    }

    func testADateInTheURLAPageWasFetchedFromDatesIt() throws {
        let page = "\(headline)\n\n\(lead)\n\n\(second)\n"
        XCTAssertEqual(
            try published(page, name: "http://hb.news.example.cn/2021-03/09/c_1127191122.htm"), [date(2021, 3, 9)])
        XCTAssertEqual(
            try published(page, name: "https://epaper.example.com/html/2020-12/01/content_40021333.htm"),
            [date(2020, 12, 1)])
        XCTAssertEqual(try published(page, name: "https://example.com/news/1208863434427469824"), [nil])
        let address = "http://hb.news.example.cn/2021-03/09/c_1127191122.htm"
        let named = "\(headline)\n\n\(lead)\n\n\(second)\n\n原文链接：\(address)\n"
        XCTAssertEqual(try published(named), [date(2021, 3, 9)], "a page that names its address")
        let linked = "\(headline)\n\n\(lead)\n\n\(second)\n\nhttp://hb.news.example.cn/2021-03/09/c_1127191122.htm\n"
        XCTAssertEqual(try published(linked), [nil], "a bare link may point anywhere")
        XCTAssertEqual(
            try published(page, name: "archive/2021-03/09/page.txt"), [nil],
            "a file path is the operator's, not the page's")
    }
}
