import XCTest

@testable import XiezuoCore

/// The title a reader would name, on pages written for these tests from the conventions of
/// Chinese news pages: the site chrome around a headline (breadcrumbs, a search box's hot words,
/// icon labels, menus, an XML declaration, a site's name) is never the title; the headline is
/// the line with its own info line, the one the page declares, or the topmost that shares words
/// with the lead.
final class CleanHeadlineTests: XCTestCase {
    private let lead = "两地协作产业园今年新签约项目12个，总投资18.6亿元，带动当地群众就近就业，协作成效持续显现。"
    private let second = "园区负责人介绍，下一步将继续完善配套设施，吸引更多企业入驻，力争产值再上新台阶。"

    private func titles(_ text: String, name: String = "page.txt") throws -> [String?] {
        try CleanTestSupport.articles(Array(text.utf8), name: name).map(\.title)
    }

    private func first(_ text: String, name: String = "page.txt") throws -> Article {
        try XCTUnwrap(CleanTestSupport.articles(Array(text.utf8), name: name).first)
    }

    func testABreadcrumbIsNeverTheTitle() throws {
        for crumb in [
            "首页 > 新闻中心 > 东西部协作", "某某资讯 > 时事 > 热点", "某某网 >> 地方频道 >> 专稿", "首页>要闻>正文",
            "首页 » 新闻 » 正文", "首页 / 资讯 / 正文", "专题报道 > 协作动态", "您的位置：主页 > 资讯 >",
        ] {
            let page = "\(crumb)\n\n协作产业园签约项目12个\n\n\(lead)\n\n\(second)\n"
            XCTAssertEqual(try titles(page), ["协作产业园签约项目12个"], crumb)
            XCTAssertFalse(try first(page).text.contains(crumb), crumb)
        }
    }

    func testASearchBoxsHotWordsAreNeverTheTitle() throws {
        for hotWords in [
            "热门搜索：乡村振兴 东西部协作 对口帮扶 消费帮扶", "热搜：协作 帮扶 产业园", "产业园 东西部协作 对口帮扶 消费帮扶 乡村振兴",
            "标签：协作 产业园 签约",
        ] {
            let page = "\(hotWords)\n\n协作产业园签约项目12个\n\n\(lead)\n\n\(second)\n"
            XCTAssertEqual(try titles(page), ["协作产业园签约项目12个"], hotWords)
        }
    }

    func testIconLabelsAndInterfaceWordsAreNeverTheTitle() throws {
        for label in [
            "icon 搜索文档", "站内搜索： 加入收藏 | 设为首页", "无障碍浏览 繁體 English 移动版", "【字体：大 中 小】 【打印】 【关闭】",
            "登录 | 注册 | 手机版", "QQ：站内信联系 | 欢迎来到本站！", "电话：400-000-0000", "首页综合要闻专题生活关于我们",
            "今天是2024年11月20日 星期三",
        ] {
            let page = "\(label)\n协作产业园签约项目12个\n\n\(lead)\n\n\(second)\n"
            XCTAssertEqual(try titles(page), ["协作产业园签约项目12个"], label)
        }
    }

    /// Issue 14 item 15: an XML declaration became a title.
    func testAnXMLDeclarationIsNeverTheTitle() throws {
        let page = "<?xml version=\"1.0\"?>\n\n\(lead)\n\n\(second)\n"
        XCTAssertEqual(try titles(page), [nil])
        XCTAssertEqual(try first(page).text, "\(lead)\n\(second)")
        let titled = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n协作产业园签约项目12个\n\n\(lead)\n\(second)\n"
        XCTAssertEqual(try titles(titled), ["协作产业园签约项目12个"])
    }

    func testASiteNameAboveTheHeadlineIsNotTheTitleEvenWhenTheDatelineNamesIt() throws {
        let page = """
            某某网重庆频道
            首页 > 正文

            鲁渝协作签约项目5个

            2022-06-24

            某某网重庆6月24日电 6月23日，鲁渝协作项目签约活动在重庆举行，双方共签约项目5个，签约投资总金额20亿元。

            \(second)
            """
        XCTAssertEqual(try titles(page), ["鲁渝协作签约项目5个"])
    }

    func testTheLineRightAboveTheInfoLineIsTheHeadline() throws {
        let page = """
            国家某某委员会主管 某某报社主办

            协作产业园签约项目12个

            2023-04-20 16:04:24　来源：某某日报

            \(lead)
            """
        let article = try first(page)
        XCTAssertEqual(article.title, "协作产业园签约项目12个")
        XCTAssertTrue(article.text.hasPrefix("协作产业园签约项目12个\n两地协作产业园"), article.text)
    }

    func testAHeadlineKeepsItsDeckAndLosesTheChromeBelowIt() throws {
        let page = """
            协作产业园签约项目12个
            新签约项目总投资18.6亿元 带动群众就近就业
            发布时间：2024-03-01 10:30
            分享让更多人看到
            微信扫一扫

            \(lead)

            \(second)
            """
        let article = try first(page)
        XCTAssertEqual(article.title, "协作产业园签约项目12个")
        XCTAssertEqual(
            article.text, "协作产业园签约项目12个\n新签约项目总投资18.6亿元 带动群众就近就业\n\(lead)\n\(second)")
    }

    func testWithoutAnInfoLineTheTopmostLineThatSharesWordsWithTheLeadIsTheHeadline() throws {
        let page = """
            某某生活服务平台

            协作产业园签约项目12个

            签约项目总投资18.6亿元 带动群众就近就业

            \(lead)

            \(second)
            """
        let article = try first(page)
        XCTAssertEqual(article.title, "协作产业园签约项目12个")
        XCTAssertTrue(article.text.hasPrefix("协作产业园签约项目12个\n签约项目总投资18.6亿元 带动群众就近就业\n"))
        XCTAssertFalse(article.text.contains("某某生活服务平台"))
    }

    func testAPageMarkerIsNotPartOfTheTitle() throws {
        for marker in ["( 二 )", "(2)", "（3）", "（2/3）"] {
            let page = "协作产业园签约项目12个\(marker)\n\n2020-07-07\n\n\(lead)\n\n\(second)\n"
            let article = try first(page)
            XCTAssertEqual(article.title, "协作产业园签约项目12个", marker)
            XCTAssertTrue(article.text.hasPrefix("协作产业园签约项目12个\n"), marker)
        }
        let series = "协作产业园签约项目12个（上）\n\n\(lead)\n\n\(second)\n"
        XCTAssertEqual(try titles(series), ["协作产业园签约项目12个（上）"], "only numbers are page markers")
    }

    func testHeadlinesThatLookLikeChromeStayHeadlines() throws {
        for headline in [
            "云南|“开花洋芋”走出了山沟沟", "大兴人在乌兰察布丨携手并进谋发展 京蒙协作再升级", "1+1>2 两地协作效应显现",
            "2024年度协作资金总计5.57亿元", "分享经济助力协作产业园发展", "协作产业园 签约项目 12个",
        ] {
            let page = "首页 > 正文\n\n\(headline)\n\n2024-03-01\n\n\(lead)\n\n\(second)\n"
            XCTAssertEqual(try titles(page), [headline], headline)
        }
    }

    // MARK: HTML

    func testAPageWhoseHeadlineIsAnH2NamedByItsTitleKeepsItsInfoLine() throws {
        let page = """
            <html><head><title>鲁渝协作再结硕果_要闻_某某新闻网</title></head><body>
            <div class="topbar">登录 | 注册 | 手机版</div>
            <div class="title"><h2>鲁渝协作再结硕果</h2></div>
            <div class="info">2022-06-24 09:30　来源：某某日报</div>
            <div class="content"><p>\(lead)</p><p>\(second)</p><p>两地还将在人才交流、劳务协作等方面深化合作。</p></div>
            </body></html>
            """
        let article = try first(page, name: "page.html")
        XCTAssertEqual(article.title, "鲁渝协作再结硕果")
        XCTAssertEqual(article.published, CivilDate(year: 2022, month: 6, day: 24))
        XCTAssertEqual(article.outlet, "某某日报")
    }

    func testChromeBeforeAnH1InAKeptBodyIsNotTheTitle() throws {
        let page = """
            <html><head><title>协作产业园签约项目12个-行业资讯-某某娱乐</title></head><body>
            <div class="top_bar">QQ：站内信联系　|　欢迎来到本站！</div>
            <div class="lxwm"><h3>联系我们</h3>电话：400-000-0000<br>地址：某省某市某区某某路58号<br></div>
            <div class="news_con"><h1>协作产业园签约项目12个</h1>
            <div class="info">发布时间：2024-03-27 23:54　人气：77</div>
            <div class="text">　　\(lead)<br><br>　　\(second)<br></div></div>
            </body></html>
            """
        let article = try first(page, name: "page.html")
        XCTAssertEqual(article.title, "协作产业园签约项目12个")
        XCTAssertEqual(article.published, CivilDate(year: 2024, month: 3, day: 27))
    }
}
