import XCTest

@testable import XiezuoCore

/// The five real pages in `seeds/`: how they split, what metadata they yield, which broken
/// paragraphs are re-joined and which noise is gone.
final class CleanSeedTests: XCTestCase {
    func testSeed000SplitsIntoThreeArticlesWithTheirHeadlines() throws {
        let articles = try CleanTestSupport.seedArticles("000")
        XCTAssertEqual(
            articles.map(\.title),
            [
                "广州“造血式”协作激活国内大循环", "驻清远英德大洞镇工作队: 筹资安装不锈钢雨棚 撑起校园“防护伞”",
                "“村民”争当“股东” 惠水长征村众筹项目探索共富之路",
            ]
        )
        XCTAssertEqual(articles.map(\.part), [0, 1, 2])
    }

    func testSeed004SplitsIntoThreeArticlesWithTheirHeadlines() throws {
        let articles = try CleanTestSupport.seedArticles("004")
        XCTAssertEqual(
            articles.map(\.title),
            ["东西部协作培育“产业沃土” 托起三都就业“大民生”", "富川举办专题培训班 着力提升乡村振兴人才能力", "粤企人桂爱心捐赠 助力昭平乡村发展"]
        )
    }

    func testSeeds001To003AreOneArticleEach() throws {
        XCTAssertEqual(try CleanTestSupport.seedArticles("001").map(\.title), ["聚大湾区之“荔” 助推乡村全面振兴"])
        XCTAssertEqual(try CleanTestSupport.seedArticles("002").map(\.title), [nil])
        XCTAssertEqual(try CleanTestSupport.seedArticles("003").map(\.title), ["广东结成8对革命老区对口合作关系"])
    }

    func testHeadlineIsTheFirstParagraphAndSubheadsStayInsideTheArticle() throws {
        let first = try XCTUnwrap(CleanTestSupport.seedArticles("000").first)
        XCTAssertTrue(first.text.hasPrefix("广州“造血式”协作激活国内大循环\n“双向赋能”产业对接路演活动启幕,"))
        XCTAssertTrue(first.text.contains("\n多产业协同发力 结出互利共赢丰硕果\n新快报记者了解到,"))
        XCTAssertTrue(first.text.contains("\n将迈向产业链创新链 多元协同的2.0阶段\n今年是"))
        let huangpu = try XCTUnwrap(CleanTestSupport.seedArticles("004").first)
        XCTAssertTrue(huangpu.text.contains("\n创新机制,推进产业要素集聚\n在东西部协作的持续推动下"))
        let liwan = try XCTUnwrap(CleanTestSupport.seedArticles("001").first)
        XCTAssertTrue(liwan.text.contains("\n深化东西部协作 “四项行动”兴业富民\n2月5日，277名"))
    }

    func testSeed003PublishedDateAndOriginalOutletComeFromThePageHeader() throws {
        let article = try XCTUnwrap(CleanTestSupport.seedArticles("003").first)
        XCTAssertEqual(article.published, CivilDate(year: 2023, month: 2, day: 5))
        XCTAssertEqual(article.outlet, "南方日报")
    }

    func testSeed003DropsTheRepeatedHeadlineAndKeepsTheDeck() throws {
        let article = try XCTUnwrap(CleanTestSupport.seedArticles("003").first)
        XCTAssertTrue(
            article.text.hasPrefix(
                "广东结成8对革命老区对口合作关系\n围绕传承弘扬红色文化、衔接推进乡村振兴和新型城镇化等任务开展合作\n革命老区发展是备受关注的重大话题。"
            )
        )
    }

    func testOutletsComeFromDatelinesAndBylines() throws {
        XCTAssertEqual(try CleanTestSupport.seedArticles("000").map(\.outlet), ["新快报", "新快报", "新快报"])
        XCTAssertEqual(try CleanTestSupport.seedArticles("004").map(\.outlet), ["新快报", "新快报", "新快报"])
        XCTAssertEqual(try CleanTestSupport.seedArticles("001").map(\.outlet), ["新快报"])
        XCTAssertEqual(try CleanTestSupport.seedArticles("002").map(\.outlet), [nil])
    }

    func testSeed002IsTraditionalAndTheOthersSimplified() throws {
        XCTAssertEqual(try CleanTestSupport.seedArticles("002").map(\.script), [.hant])
        for seed in ["000", "001", "003", "004"] {
            XCTAssertTrue(try CleanTestSupport.seedArticles(seed).allSatisfy { $0.script == .hans }, seed)
        }
    }

    func testParagraphsBrokenAcrossColumnsAreRejoined() throws {
        let seed000 = try CleanTestSupport.seedArticles("000").map(\.text).joined(separator: "\n")
        XCTAssertTrue(seed000.contains("将广州博览会打造成为全省乃至全国"))
        XCTAssertTrue(seed000.contains("也助力合作地区承接产业转移、培育新质生产力"))
        XCTAssertTrue(seed000.contains("要让协作各方都能从产业发展"))
        XCTAssertTrue(seed000.contains("项目收益按股分红"))
        let seed001 = try XCTUnwrap(CleanTestSupport.seedArticles("001").first).text
        XCTAssertTrue(seed001.contains("帮助销售西部协作省份农副产品"))
        XCTAssertTrue(seed001.contains("……荔湾区与龙里县、惠水县深化产业协作"))
        XCTAssertTrue(seed001.contains("去年，梅县区畲江镇富硒水稻种植喜获丰收"))
        XCTAssertTrue(seed001.contains("驻松源镇工作队队长吴爱兵说"))
        let seed004 = try CleanTestSupport.seedArticles("004").map(\.text).joined(separator: "\n")
        XCTAssertTrue(seed004.contains("广州市黄埔区充分利用协作资金“活水”,推动"))
        XCTAssertTrue(seed004.contains("东西部协作资金在移民安置点建设"))
        XCTAssertTrue(seed004.contains("商业门面、厂房等持续推进帮扶车间建设"))
        XCTAssertTrue(seed004.contains("把学到的知识转化为实际能力"))
        XCTAssertTrue(seed004.contains("爱心企业的捐赠为昭平县的发展注入了新的活力"))
    }

    func testColumnsReadOutOfOrderArePutBackAfterTheDateline() throws {
        let article = try CleanTestSupport.seedArticles("000")[1]
        XCTAssertTrue(article.text.hasPrefix("驻清远英德大洞镇工作队: 筹资安装不锈钢雨棚 撑起校园“防护伞”\n教育无小事,民生暖人心。"))
        XCTAssertTrue(article.text.contains("相关工作。项目实施过程中,工作队全程跟踪督办"))
        XCTAssertTrue(article.text.hasSuffix("助力乡村教育高质量发展。"))
    }

    func testDatelinesAreStrippedFromTheProse() throws {
        let texts = try (CleanTestSupport.seedArticles("000") + CleanTestSupport.seedArticles("004")).map(\.text)
        for text in texts {
            XCTAssertFalse(text.contains("新快报讯"), text)
            XCTAssertFalse(text.contains("报道 近日"), text)
        }
        XCTAssertTrue(texts[2].contains("\n近日,贵州省黔南布依族苗族自治州惠水县"))
    }

    func testNoCaptionBylineOrPageFurnitureIsLeft() throws {
        for seed in ["000", "001", "002", "003", "004"] {
            for article in try CleanTestSupport.seedArticles(seed) {
                for mark in ["■", "▲", "◀", "●", "采写", "摄影:", "requestId", "TC:", "發佈留言", "執筆", "•"] {
                    XCTAssertFalse(article.text.contains(mark), "\(seed) part \(article.part) still has \(mark)")
                }
            }
        }
        let seed000 = try CleanTestSupport.seedArticles("000").map(\.text).joined(separator: "\n")
        XCTAssertFalse(seed000.contains("牢记殷殷嘱托"))
        XCTAssertFalse(seed000.contains("乡村全面振兴·百千万工程"))
        XCTAssertFalse(seed000.contains("\n粤黔协作\n"))
        XCTAssertFalse(seed000.contains("效果图"))
        let seed001 = try XCTUnwrap(CleanTestSupport.seedArticles("001").first).text
        XCTAssertFalse(seed001.contains("广州市荔湾区:"))
        XCTAssertFalse(seed001.contains("区域协调\n"))
        XCTAssertFalse(seed001.contains("党日主题活动"))
    }

    func testSeed003LosesItsDisclaimersAndRelatedArticlesList() throws {
        let text = try XCTUnwrap(CleanTestSupport.seedArticles("003").first).text
        for noise in [
            "2023-02-12 06:25:00", "快照", "本站", "信息原文地址", "闽粤开年互动频频", "文旅助力乡村振兴,不靠投资靠什么?",
            "喜讯!", "...", "更多关于国内的资讯", "我的订阅", "类别:国内", "本文转自", "张子俊",
        ] {
            XCTAssertFalse(text.contains(noise), noise)
        }
        XCTAssertTrue(text.hasSuffix("“一对一、点对点”对口合作沟通协调推进机制。"))
    }

    func testEveryLineIsTextOrNoiseNoParagraphIsBlank() throws {
        for seed in ["000", "001", "002", "003", "004"] {
            for article in try CleanTestSupport.seedArticles(seed) {
                for line in article.text.split(separator: "\n", omittingEmptySubsequences: false) {
                    XCTAssertFalse(line.isEmpty, "\(seed) part \(article.part) has a blank line")
                    XCTAssertEqual(
                        String(line), line.trimmingCharacters(in: .whitespaces), "\(seed): untrimmed \(line)")
                }
            }
        }
    }

    /// Every non-space scalar of a source is either in an article or counted as removed.
    func testRemovedCharsAccountForEverythingNotInTheText() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            let seed = try CleanTestSupport.seed(prefix)
            let articles = try CleanTestSupport.articles(seed.bytes, name: seed.name)
            let total = CleanTestSupport.weight(String(decoding: seed.bytes, as: UTF8.self))
            let kept = articles.reduce(0) { $0 + CleanTestSupport.weight($1.text) }
            let removed = articles.reduce(0) { $0 + $1.removedChars }
            XCTAssertEqual(kept + removed, total, prefix)
            XCTAssertTrue(articles.allSatisfy { $0.removedChars > 0 }, prefix)
        }
    }

    func testSourceNameIsCarriedIntoEveryArticle() throws {
        let seed = try CleanTestSupport.seed("004")
        let articles = try CleanTestSupport.articles(seed.bytes, name: "2024/04/" + seed.name)
        XCTAssertEqual(Set(articles.map(\.source)), ["2024/04/" + seed.name])
    }
}
