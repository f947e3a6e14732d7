import XCTest

@testable import XiezuoCore

/// One fixture per kind of noise line, each with the exact text that must remain and the exact
/// count of removed scalars.
final class CleanNoiseLineTests: XCTestCase {
    func testPhotoCaptionsAndTheirContinuationLinesAreDropped() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles(fixture: "captions.txt").first)
        XCTAssertEqual(
            article.text,
            """
            产业协作结硕果
            今年以来，两地共建产业园区持续发力，帮扶车间吸纳当地群众稳定就业，群众在家门口实现增收。园区负责人介绍，下一步将继续扩大生产规模。
            园区还建成冷链仓库一座，农产品保鲜期明显延长，销售半径扩大到大湾区各城市。
            """
        )
        XCTAssertEqual(
            article.removedChars,
            CleanTestSupport.weight("■村民在合作社车间里分拣刺梨。", "▲帮扶车间生产线。", "◆图为新建成的冷链仓库", "外景。")
        )
    }

    func testBylinesAreDroppedAndNameTheOutlet() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles(fixture: "bylines.txt").first)
        XCTAssertEqual(
            article.text,
            """
            茶园里的协作故事
            清晨的茶园里，采茶工人正忙着采摘新茶。去年以来，两地在茶叶种植、加工和销售上深度合作，茶农收入逐年提高。
            合作社负责人说，茶叶已经卖到了广州的茶叶市场，订单排到了年底。
            """
        )
        XCTAssertEqual(
            article.removedChars,
            CleanTestSupport.weight("■采写:本报记者 李明 ■摄影:本报记者 王芳", "●羊城晚报记者 孙八", "(执笔 | 张三 李四)")
        )
        XCTAssertEqual(article.outlet, "羊城晚报")
    }

    func testNavigationMenusAreDropped() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles(fixture: "navigation.txt").first)
        XCTAssertEqual(
            article.text,
            "消费帮扶拓宽销路\n两地消费帮扶专馆开业以来，吸引了大批市民前来选购山区农产品，带动农户增收，也让城里的市民吃上了放心菜和放心肉。"
        )
        XCTAssertEqual(article.removedChars, CleanTestSupport.weight("• 我的订阅", "• 国内", "更多关于国内的资讯:"))
    }

    func testRequestIdsTrackingCodesAndURLsAreDropped() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles(fixture: "tracking.txt").first)
        XCTAssertEqual(
            article.text,
            "劳务协作助力稳就业\n春节过后，一批批务工人员乘坐专列前往东部省份返岗，两地人社部门全程提供就业服务，确保务工人员出家门、上车门、进厂门。"
        )
        XCTAssertEqual(
            article.removedChars,
            CleanTestSupport.weight(
                "requestId:5f2a11c08e3d44.12345678.", "TC:abc123follow9", "https://example.com/news/123.html"
            )
        )
    }

    func testSnapshotAndDisclaimerLinesAreDropped() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles(fixture: "boilerplate.txt").first)
        XCTAssertEqual(
            article.text,
            "产业园区建设提速\n园区内多家企业已投产运营，带动周边群众就近就业，园区配套的道路、供水和污水处理设施也已建成投用，营商环境持续改善。"
        )
        XCTAssertEqual(
            article.removedChars,
            CleanTestSupport.weight(
                "以上内容为资讯信息快照,由example.com爬虫进行采集并收录,本站未对信息做任何修改,信息内容不代表本站立场。",
                "快照生成时间:2024-03-01 08:45:15", "本站信息快照查询为非营利公共服务,如有侵权请联系我们进行删除。",
                "免责声明：本文仅代表作者观点。", "信息原文地址:"
            )
        )
        XCTAssertNil(article.published, "a snapshot time is not the publication date")
    }

    func testRelatedArticlesListWithSnippetsAndTimestampsIsDroppedWhole() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles(fixture: "related-list.txt").first)
        XCTAssertEqual(
            article.text,
            "山海协作开新局\n两地签署新一轮合作协议，将在产业转移、人才交流和文旅融合等方面深化合作，推动区域协调发展迈上一个新台阶。"
        )
        XCTAssertEqual(
            article.removedChars,
            CleanTestSupport.weight(
                "两地协作再上新台阶", "...签署新一轮合作协议,将在产业转移、人才交流和文旅融合等方面深化合作", "2024-03-02 09:15:00",
                "文旅融合怎么走?", "...文旅融合发展,推动两地游客互送,打造精品旅游线路", "2024-02-20 10:19",
                "...今年以来两地互派干部挂职,推动人才双向交流", "2024-01-05 18:08:00"
            )
        )
    }

    func testRelatedArticlesUnderAHeadingAreDroppedWhole() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles(fixture: "related-heading.txt").first)
        XCTAssertEqual(
            article.text,
            "山海协作开新局\n两地签署新一轮合作协议，将在产业转移、人才交流和文旅融合等方面深化合作，推动区域协调发展迈上一个新台阶。"
        )
        XCTAssertEqual(
            article.removedChars, CleanTestSupport.weight("相关新闻：", "两地协作再上新台阶", "文旅融合怎么走?", "互派干部挂职交流")
        )
    }

    func testCommentPromptsAreDropped() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles(fixture: "comment-prompts.txt").first)
        XCTAssertEqual(
            article.text,
            "消费帮扶进社区\n社区里的消费帮扶专柜摆满了来自山区的特色农产品，居民们在家门口就能买到新鲜的蔬菜和水果，专柜开业首月销售火爆。"
        )
        XCTAssertEqual(article.removedChars, CleanTestSupport.weight("发表评论", "發佈留言", "我要评论"))
    }

    func testStackedPageLabelsAndSectionTagsAreDroppedButShortSubheadsAndParagraphsKept() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles(fixture: "page-labels.txt").first)
        XCTAssertEqual(article.title, "连州菜心走进大湾区 带动农户增收")
        XCTAssertEqual(
            article.text,
            """
            连州菜心走进大湾区 带动农户增收
            菜心产业带动农户增收致富
            连州菜心种植面积持续扩大，通过订单农业和冷链物流，新鲜菜心当天就能送到大湾区市民的餐桌上。合作社负责人表示，将继续扩大种植规模，带动更多农户参与。
            园区建设提速
            这是大家共同的心愿。
            """
        )
        XCTAssertEqual(article.removedChars, CleanTestSupport.weight("奋进新征程", "建功新时代 区域协调·山海协作", "山海协作"))
    }

    func testAKickerEndingInAColonIntroducesTheHeadlineAndIsDropped() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles(fixture: "kicker.txt").first)
        XCTAssertEqual(article.title, "连州菜心走进大湾区 带动农户增收")
        XCTAssertFalse(article.text.contains("清远市连州市"))
        XCTAssertEqual(article.removedChars, CleanTestSupport.weight("清远市连州市:"))
    }

    func testNoiseMarkersComeFromTheConfiguration() throws {
        var config = CleanConfig()
        config.noisePrefixes = ["关注我们"]
        config.captionMarks = "★"
        let text = "合作社产品走俏市场\n\n★合作社的产品展示。\n\n关注我们获取更多资讯\n\n■这一行在此配置下是正文的一部分，因为方块不再是图片说明的标记，所以这一行会作为文章的正文完整地保留下来。\n"
        let article = try XCTUnwrap(CleanTestSupport.articles(Array(text.utf8), config: config).first)
        XCTAssertEqual(article.text, "合作社产品走俏市场\n■这一行在此配置下是正文的一部分，因为方块不再是图片说明的标记，所以这一行会作为文章的正文完整地保留下来。")
    }
}
