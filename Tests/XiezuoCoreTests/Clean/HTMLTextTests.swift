import Foundation
import XCTest

@testable import XiezuoCore

/// HTML pages: detection, main-text extraction with libxml2, and what the clean stage makes
/// of the result. (Named `Clean…` like the other clean tests, so that
/// `swift test --filter Clean` runs it.)
final class CleanHTMLTextTests: XCTestCase {
    private let support = DecodingTestsSupport.self
    private let prose = "两地协作以来，一批产业项目落地生根，带动群众增收致富，区域协调发展迈出坚实步伐。"

    // MARK: Seeds as HTML

    func testGBKPageBuiltFromSeed001GivesTheSameArticles() throws {
        let seed = try support.seedText("001")
        let headline = "聚大湾区之“荔” 助推乡村全面振兴"
        let page = support.page(from: seed.text, headline: headline, charset: "gbk")
        let bytes = try support.iconv(page, to: "GBK")
        let decoded = try support.decode(bytes)
        XCTAssertEqual(decoded.encoding, .gb18030)
        XCTAssertTrue(decoded.isHTML)
        XCTAssertEqual(
            CleanTestSupport.content(try CleanTestSupport.articles(bytes, name: seed.name)),
            CleanTestSupport.content(try CleanTestSupport.seedArticles("001")))
    }

    func testUTF8PagesBuiltFromTheOtherSeedsGiveTheSameArticleTexts() throws {
        let headlines = [
            "000": "广州“造血式”协作激活国内大循环", "003": "广东结成8对革命老区对口合作关系",
            "004": "东西部协作培育“产业沃土” 托起三都就业“大民生”",
        ]
        for (prefix, headline) in headlines.sorted(by: { $0.key < $1.key }) {
            let seed = try support.seedText(prefix)
            let page = support.page(from: seed.text, headline: headline, charset: "utf-8")
            let articles = try CleanTestSupport.articles(Array(page.utf8), name: seed.name)
            XCTAssertEqual(articles.map(\.text), try CleanTestSupport.seedArticles(prefix).map(\.text), prefix)
            XCTAssertEqual(articles.map(\.title), try CleanTestSupport.seedArticles(prefix).map(\.title), prefix)
        }
    }

    func testMetaPublicationTimeBecomesThePublishedDate() throws {
        let seed = try support.seedText("001")
        for meta in [
            #"<meta name="publishdate" content="2025-02-12 08:30:00">"#,
            #"<meta property="article:published_time" content="2025-02-12T08:30:00+08:00">"#,
        ] {
            let page = support.page(
                from: seed.text, headline: "聚大湾区之“荔” 助推乡村全面振兴", charset: "utf-8", head: meta)
            let articles = try CleanTestSupport.articles(Array(page.utf8), name: seed.name)
            XCTAssertEqual(articles.map(\.published), [CivilDate(year: 2025, month: 2, day: 12)], meta)
            XCTAssertEqual(articles.map(\.text), try CleanTestSupport.seedArticles("001").map(\.text), meta)
        }
    }

    /// A government portal page of the usual CMS shape, stored in UTF-8 for reading and served
    /// as GB2312 like the original: table layout, breadcrumb, share buttons, print links,
    /// a related list, a footer and scripts around the `TRS_Editor` text.
    func testGovernmentPortalPage() throws {
        let page = String(decoding: try CleanTestSupport.fixture("html-gov-page.html"), as: UTF8.self)
        let bytes = try support.iconv(page, to: "GB2312")
        let decoded = try support.decode(bytes)
        XCTAssertEqual(decoded.encoding, .gb18030)
        XCTAssertTrue(decoded.isHTML)
        let articles = try CleanTestSupport.articles(bytes, name: "html-gov-page.html")
        XCTAssertEqual(articles.map(\.title), ["黄埔区与三都县签订新一轮东西部协作框架协议"])
        XCTAssertEqual(articles.map(\.published), [CivilDate(year: 2024, month: 3, day: 2)])
        XCTAssertEqual(
            articles.first?.text,
            "黄埔区与三都县签订新一轮东西部协作框架协议\n"
                + "3月1日，广州市黄埔区与贵州省黔南州三都县在三都召开东西部协作联席会议，双方签订新一轮东西部协作框架协议，"
                + "明确将在产业合作、劳务协作、消费帮扶等方面深化合作。\n"
                + "根据协议，黄埔区今年将投入财政帮扶资金1.2亿元，实施协作项目36个，帮助三都县农村劳动力转移就业2000人以上。\n"
                + "会上，双方还就共建产业园区、推动“黔货出山”等事项进行了深入交流。")
    }

    // MARK: What is kept and what is left out

    func testNavigationScriptsAndFurnitureByClassOrIdAreLeftOut() throws {
        let page = """
            <html><head><title>标题</title><style>p { color: red }</style></head><body>
            <div class="breadcrumb">首页 &gt; 新闻</div>
            <ul id="main-menu"><li>首页</li><li>要闻</li></ul>
            <div class="article-header"><h1>山海协作开新局</h1></div>
            <div class="content">
            <p>\(prose)</p>
            <div class="share-box">分享到微信</div>
            <div class="ad">招商广告</div><div id="comments">网友评论</div>
            <p>第二段\(prose)</p>
            <noscript>请启用脚本</noscript><iframe src="x">框架</iframe>
            <form><button>提交</button><select><option>选项</option></select></form>
            <aside>侧栏</aside><ul class="related-news"><li>相关新闻一</li></ul>
            </div>
            <div class="download">下载客户端</div>
            </body></html>
            """
        XCTAssertEqual(
            try support.htmlText(page), "山海协作开新局\n\n\(prose)\n\n第二段\(prose)\n\n下载客户端",
            "`download` and `header` contain `ad` and `head` but are not furniture")
    }

    func testHeaderInsideAnArticleIsTheArticlesOwnHead() throws {
        let page = """
            <html><body><header><h1 class="logo">新快报</h1></header>
            <article><header><h1>山海协作开新局</h1><p>2024-03-02 来源:南方日报</p></header>
            <p>\(prose)</p><p>\(prose)</p><footer>分享 点赞</footer></article></body></html>
            """
        XCTAssertEqual(
            try support.htmlText(page), "山海协作开新局\n\n2024-03-02 来源:南方日报\n\n\(prose)\n\n\(prose)")
    }

    func testTheDensestBlockIsPreferredAndTheHeadlineWrittenFirst() throws {
        let page = """
            <html><head><title>山海协作开新局_要闻_某某网</title></head><body>
            <h1>山海协作开新局</h1>
            <div id="left"><a href="/1">链接一</a><a href="/2">链接二</a><p>栏目</p></div>
            <div class="main"><p>\(prose)</p><p>第二段。</p><p>第三段。</p><p>第四段。</p></div>
            <div class="right"><p>热门</p><p>排行</p></div>
            </body></html>
            """
        XCTAssertEqual(try support.htmlText(page), "山海协作开新局\n\n\(prose)\n\n第二段。\n\n第三段。\n\n第四段。")
    }

    func testTitleWithoutItsSiteNameIsTheHeadlineWhenThereIsNoH1() throws {
        let page = """
            <html><head><title>某某网 | 山海协作开新局_要闻</title></head><body>
            <div><p>\(prose)</p><p>第二段。</p><p>第三段。</p></div></body></html>
            """
        XCTAssertEqual(try support.htmlText(page), "山海协作开新局\n\n\(prose)\n\n第二段。\n\n第三段。")
    }

    func testScatteredTextKeepsTheWholeBody() throws {
        // No block holds half of the text: nothing is chosen, everything visible is kept.
        let page = """
            <html><body><h1>标题</h1><div><p>\(prose)</p></div><div><p>\(prose)</p></div>
            <article><p>短</p></article></body></html>
            """
        XCTAssertEqual(try support.htmlText(page), "标题\n\n\(prose)\n\n\(prose)\n\n短")
    }

    func testLineBreaksListsTablesEntitiesAndWhiteSpace() throws {
        let page = """
            <!-- saved from url=(0041)http://example.com/ -->
            <!DOCTYPE html><html><body><div>
            <p>第一行<br>第二行<br/>第三&nbsp;行 &amp; 更多</p>
            <p>中文段落在源码里
               换行，不应出现空格。English words
               keep their space.</p>
            <ul><li>项目一</li><li>项目二</li></ul>
            <table><tr><td>投资</td><td>1600万元</td></tr><tr><td>岗位</td><td>300个</td></tr></table>
            <pre>保留
            原样</pre>
            <h2>小标题</h2>正文<b>加粗</b>继续
            </div></body></html>
            """
        XCTAssertEqual(
            try support.htmlText(page),
            "第一行\n第二行\n第三\u{00A0}行 & 更多\n\n中文段落在源码里换行，不应出现空格。English words keep their space.\n\n"
                + "项目一\n项目二\n\n投资 1600万元\n岗位 300个\n\n保留\n原样\n\n小标题\n\n正文加粗继续")
    }

    func testAPageWithNothingButFurnitureIsRejected() {
        let page = "<html><body><nav>首页 新闻</nav><script>var x = 1</script><footer>版权所有</footer></body></html>"
        XCTAssertEqual(
            CleanTestSupport.rejectReason(Array(page.utf8)),
            "HTML page without text: nothing is left outside scripts, styles, navigation and other page furniture")
    }

    func testUTF16PageIsDetectedAsHTML() throws {
        let seed = try support.seedText("001")
        let page = support.page(from: seed.text, headline: "聚大湾区之“荔” 助推乡村全面振兴", charset: "utf-16")
        let bytes = support.utf16(page, bigEndian: false)
        XCTAssertTrue(try support.decode(bytes).isHTML)
        XCTAssertEqual(
            try CleanTestSupport.articles(bytes, name: seed.name).map(\.text),
            try CleanTestSupport.seedArticles("001").map(\.text))
    }

    // MARK: Detection

    func testDetection() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            XCTAssertFalse(try support.decode(CleanTestSupport.seed(prefix).bytes).isHTML, prefix)
        }
        let html = [
            "<!doctype HTML>\n<p>x", "\u{FEFF}  <html lang=zh>", "<?xml version=\"1.0\"?>\n<!-- c -->\n<html>",
            "标题\n<p>一</p><p>二</p><br>三", "<div>一</div><div>二</div><div>三</div>", "<body>正文",
        ]
        for text in html {
            XCTAssertTrue(HTMLSniffer.looksLikeHTML(Array(text.utf8), from: 0), text)
        }
        let notHTML = [
            "标题\n正文写到 <p> 标签和 <div 标签。", "<htmlx>", "价格 < 100 元，<br 不完整", "a <b>粗体</b> 文字",
        ]
        for text in notHTML {
            XCTAssertFalse(HTMLSniffer.looksLikeHTML(Array(text.utf8), from: 0), text)
        }
    }

    // MARK: Hostile markup

    func testDeeplyNestedAndUnclosedMarkupFinishesQuickly() throws {
        let start = Date()
        let depth = 10_000
        let nested =
            "<html><body>" + String(repeating: "<div>", count: depth) + "<p>\(prose)</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        XCTAssertEqual(try support.htmlText(nested), prose)
        let unclosed = "<html><body>" + String(repeating: "<div><span><b>", count: depth) + "<p>\(prose)"
        XCTAssertTrue(try support.htmlText(unclosed).contains(prose))
        let paragraphs = "<html><body>" + String(repeating: "<p>\(prose)", count: depth)
        XCTAssertEqual(
            try support.htmlText(paragraphs), Array(repeating: prose, count: depth).joined(separator: "\n\n"))
        let tags = String(repeating: "<p><table><tr><td><ul><li><a href='", count: depth)
        _ = try? support.htmlText("<html><body>" + tags)
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
    }
}
