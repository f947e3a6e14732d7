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
            "icon 搜索本站", "站内搜索： 加入收藏 | 设为首页", "无障碍浏览 繁體 English 移动版", "【字体：大 中 小】 【打印】 【关闭】",
            "登录 | 注册 | 手机版", "QQ：12345678 | 欢迎访问本网站！", "电话：400-000-0000", "首页新闻中心政务公开互动交流联系我们",
            "今天是2023年9月6日 星期三",
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
            某某网江城频道
            首页 > 正文

            两地协作签约项目7个

            2021-10-12

            某某网江城10月12日电 10月11日，两地协作项目签约活动在江城举行，双方共签约项目7个，签约投资总金额15亿元。

            \(second)
            """
        XCTAssertEqual(try titles(page), ["两地协作签约项目7个"])
    }

    func testTheLineRightAboveTheInfoLineIsTheHeadline() throws {
        let page = """
            某某传媒集团主办 某某新闻中心承办

            协作产业园签约项目12个

            2022-08-15 11:20:05　来源：某某日报

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
            let page = "协作产业园签约项目12个\(marker)\n\n2021-05-18\n\n\(lead)\n\n\(second)\n"
            let article = try first(page)
            XCTAssertEqual(article.title, "协作产业园签约项目12个", marker)
            XCTAssertTrue(article.text.hasPrefix("协作产业园签约项目12个\n"), marker)
        }
        let series = "协作产业园签约项目12个（上）\n\n\(lead)\n\n\(second)\n"
        XCTAssertEqual(try titles(series), ["协作产业园签约项目12个（上）"], "only numbers are page markers")
    }

    func testACopiedPageTitlesSiteNameIsNotPartOfTheTitle() throws {
        for line in ["协作产业园签约项目12个--手机某某网", "协作产业园签约项目12个_要闻_某某资讯网", "协作产业园签约项目12个 - 某某新闻网"] {
            let page = "\(line)\n\n\(lead)\n\n\(second)\n"
            XCTAssertEqual(try titles(page), ["协作产业园签约项目12个"], line)
        }
        let kept = "广州 - 毕节协作网\n\n\(lead)\n\n\(second)\n"
        XCTAssertEqual(try titles(kept), ["广州 - 毕节协作网"], "too little headline would be left")
    }

    func testABreadcrumbEndingInTheHeadlineIsNotTheTitle() throws {
        let page = "首页 > 新闻 > 协作产业园签约项目12个 总投资18.6亿元\n\n协作产业园签约项目12个 总投资18.6亿元\n\n\(lead)\n\n\(second)\n"
        XCTAssertEqual(try titles(page), ["协作产业园签约项目12个 总投资18.6亿元"])
        XCTAssertEqual(try first(page).text, "协作产业园签约项目12个 总投资18.6亿元\n\(lead)\n\(second)")
    }

    func testHeadlinesThatLookLikeChromeStayHeadlines() throws {
        for headline in [
            "贵州|“山里货”走出了大山", "帮扶干部在高原丨携手并进谋发展 山海协作再升级", "1+1>2 两地协作效应显现",
            "2023年度协作资金总计3.2亿元", "分享经济助力协作产业园发展", "协作产业园 签约项目 12个",
        ] {
            let page = "首页 > 正文\n\n\(headline)\n\n2024-03-01\n\n\(lead)\n\n\(second)\n"
            XCTAssertEqual(try titles(page), [headline], headline)
        }
    }

    // MARK: HTML

    func testAPageWhoseHeadlineIsAnH2NamedByItsTitleKeepsItsInfoLine() throws {
        let page = """
            <html><head><title>两地协作再结硕果_要闻_某某新闻网</title></head><body>
            <div class="topbar">登录 | 注册 | 手机版</div>
            <div class="title"><h2>两地协作再结硕果</h2></div>
            <div class="info">2021-11-03 09:30　来源：某某日报</div>
            <div class="content"><p>\(lead)</p><p>\(second)</p><p>两地还将在人才交流、劳务协作等方面深化合作。</p></div>
            </body></html>
            """
        let article = try first(page, name: "page.html")
        XCTAssertEqual(article.title, "两地协作再结硕果")
        XCTAssertEqual(article.published, CivilDate(year: 2021, month: 11, day: 3))
        XCTAssertEqual(article.outlet, "某某日报")
    }

    func testASiteLogoInAnH1IsNotTheHeadlineOfAPageThatSetsItsTitleInADiv() throws {
        let page = """
            <html><head><title>协作产业园签约项目12个_要闻_某某新闻网</title></head><body>
            <h1 class="site">某某新闻网</h1>
            <div class="article-title">协作产业园签约项目12个</div>
            <div class="info">2024-05-06 10:20　来源：某某日报</div>
            <div class="content"><p>\(lead)</p><p>\(second)</p><p>两地还将在人才交流、劳务协作等方面深化合作。</p></div>
            </body></html>
            """
        let article = try first(page, name: "page.html")
        XCTAssertEqual(article.title, "协作产业园签约项目12个")
        XCTAssertEqual(article.published, CivilDate(year: 2024, month: 5, day: 6))
        XCTAssertEqual(article.outlet, "某某日报")
    }

    func testChromeBeforeAnH1InAKeptBodyIsNotTheTitle() throws {
        let page = """
            <html><head><title>协作产业园签约项目12个-行业资讯-某某娱乐</title></head><body>
            <div class="topbar">QQ：12345678　|　欢迎访问本网站！</div>
            <div class="contact"><h3>联系我们</h3>电话：400-000-0000<br>地址：某省某市某区某某路16号<br></div>
            <div class="main-box"><h1>协作产业园签约项目12个</h1>
            <div class="info">发布时间：2023-05-09 18:12　人气：105</div>
            <div class="text">　　\(lead)<br><br>　　\(second)<br></div></div>
            </body></html>
            """
        let article = try first(page, name: "page.html")
        XCTAssertEqual(article.title, "协作产业园签约项目12个")
        XCTAssertEqual(article.published, CivilDate(year: 2023, month: 5, day: 9))
    }
}
