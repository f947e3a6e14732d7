import XCTest

@testable import XiezuoCore

/// The readers behind titles and dates, one table each: URL dates, date text, metadata lines,
/// outlet names, script dates and chrome lines, with the near misses that must stay what they are.
final class CleanPageFactsReadersTests: XCTestCase {
    private func scalars(_ text: String) -> [Unicode.Scalar] {
        LineNormalizer.normalize(ScalarText.scalars(text))
    }

    func testURLDates() {
        let dated: [(String, String)] = [
            ("http://m.example.cn/n2/2023/0512/c1001-30012345.html", "2023-05-12"),
            ("http://hb.example.cn/2021-03/09/c_1127191122.htm", "2021-03-09"),
            ("http://news.example.net/html/2020-12/01/content_40021333.html", "2020-12-01"),
            ("https://www.example.com/gn/2018/11-06/8669012.shtml", "2018-11-06"),
            ("https://www.example.gov.cn/1001/1002/2022/9/7/5b1c9e0d3a2f.shtml", "2022-09-07"),
            ("http://www.example.gov.cn/xwzx/202110/t20211025_1234567.html", "2021-10-25"),
            ("https://epaper.example.com/2024/02/15/A04/page.html", "2024-02-15"),
            ("https://epaper.example.com/20240215/A04.html?from=list", "2024-02-15"),
            ("https://example.com/news/2024-03-31/article.html", "2024-03-31"),
        ]
        for (url, date) in dated { XCTAssertEqual(URLDateReader.date(in: url)?.description, date, url) }
        for url in [
            "https://example.cn/news/1208863434427469824", "https://example.com/2024/12345.html",
            "https://sichuan.example.com/ggxw/202306/58914753.html", "https://example.com/p/2845374.html",
            "https://example.com/articleDetail/271663", "https://example.com/2024/1399/9999.html",
            "https://20240215.example.com/news/1.html", "https://example.com/news.html?date=2024-02-15",
            "https://example.com/a/20231345/1.html",
        ] {
            XCTAssertNil(URLDateReader.date(in: url), url)
        }
    }

    func testDateText() {
        let dates: [(String, String)] = [
            ("2023-02-05 06:46:00", "2023-02-05"), ("2023/2/5", "2023-02-05"), ("2023.02.05", "2023-02-05"),
            ("2023年2月5日", "2023-02-05"), ("2020年10月08日09:15", "2020-10-08"), ("2022年03月21日 14时05分", "2022-03-21"),
            ("二〇二一年三月九日", "2021-03-09"), ("二〇一九年十二月三十一日", "2019-12-31"), ("二〇二三年十月一日", "2023-10-01"),
        ]
        for (text, date) in dates {
            XCTAssertEqual(DateTextReader.date(in: scalars(text), at: 0)?.date.description, date, text)
        }
        for text in ["二〇一八年八月", "2023年2月", "2023-13-05", "2023-02-30", "12-05", "2023-02-055", "一九九六年九月"] {
            XCTAssertNil(DateTextReader.date(in: scalars(text), at: 0), text)
        }
        XCTAssertTrue(DateTextReader.isTimestampLine(scalars("2022年03月21日 14时05分")))
        XCTAssertFalse(DateTextReader.isTimestampLine(scalars("2022年03月21日 星期一")))
    }

    func testMetadataLines() throws {
        let line = try XCTUnwrap(MetadataReader.parse(scalars("类别:国内 发布时间:2023-02-05 06:46:00 来源:每日看点快看")))
        XCTAssertEqual(line.dates.map(\.date.description), ["2023-02-05"])
        XCTAssertEqual(line.dates.map(\.label), [.published])
        XCTAssertEqual(line.sourceOutlet, "每日看点快看")

        let bare = try XCTUnwrap(MetadataReader.parse(scalars("2023-01-16 08:45　某某电视台·新媒体中心")))
        XCTAssertEqual(bare.dates.map(\.label), [.bare])
        XCTAssertEqual(bare.bareOutlet, "某某电视台·新媒体中心")

        let source = try XCTUnwrap(MetadataReader.parse(scalars("来源：某某网 2022-04-02 16:20")))
        XCTAssertEqual(source.dates.map(\.label), [.source])

        let bar = try XCTUnwrap(MetadataReader.parse(scalars("来源 | 某某晚报·某某派　责编 | 张三　校对 | 李四")))
        XCTAssertEqual(bar.sourceOutlet, "某某晚报·某某派")

        let header = try XCTUnwrap(MetadataReader.parse(scalars("2023年3月14日　星期二　　第3版　　区域协作")))
        XCTAssertTrue(header.isPageHeader)

        let update = try XCTUnwrap(MetadataReader.parse(scalars("更新时间：2024-11-20 08:00")))
        XCTAssertEqual(update.dates.count, 0, "an update time is no publication date")

        for text in [
            "2024年3月1日 两地签约共建协作产业园", "2023年5月25日，协作项目推介会在成都举办。", "今天是2024年11月20日 星期三",
            "活动时间：2024年5月1日", "协作产业园签约项目12个",
        ] {
            XCTAssertNil(MetadataReader.parse(scalars(text)), text)
        }
    }

    func testOutletNames() {
        let names: [(String, String?)] = [
            ("某某网-江城频道", "某某网"), ("某某信息网（转自某某社）", "某某信息网"), ("某某报江城记者站", "某某报"),
            ("某某晚报·某某号", "某某晚报·某某号"), ("网络", nil), ("本站", nil), ("综合整理", nil), ("——", nil),
        ]
        for (value, outlet) in names {
            XCTAssertEqual(OutletName.cleaned(ScalarText.scalars(value)[...]), outlet, value)
        }
        XCTAssertTrue(OutletName.isOutletLike(ScalarText.scalars("某某日报网络版·")[...]))
        XCTAssertFalse(OutletName.isOutletLike(ScalarText.scalars("某某晚报全媒体记者")[...]))
        XCTAssertFalse(OutletName.isOutletLike(ScalarText.scalars("东西部协作")[...]))
    }

    func testScriptDates() {
        XCTAssertEqual(ScriptDateScanner.date(in: #"var pubtime = "2018-11-06 21:40:00";"#)?.description, "2018-11-06")
        XCTAssertEqual(
            ScriptDateScanner.date(in: "window.CONFIG = {publishTime: '2024-01-05 08:00'};")?.description, "2024-01-05")
        XCTAssertEqual(
            ScriptDateScanner.date(in: #"{"dateModified":"2024-02-01","datePublished":"2024-01-05T08:00:00+08:00"}"#)?
                .description, "2024-01-05")
        XCTAssertNil(ScriptDateScanner.date(in: #"var lastpubtime = "2018-11-06"; var dateModified = "2020-01-01";"#))
        XCTAssertNil(ScriptDateScanner.date(in: #"var pubtime = getTime();"#))
    }

    func testChromeLines() {
        let chrome: [(String, LineKind)] = [
            ("<?xml version=\"1.0\"?>", .boilerplate), ("<!DOCTYPE html>", .boilerplate),
            ("首页 > 新闻中心 > 东西部协作", .navigation), ("某某网 >> 地方频道 >> 专稿", .navigation), ("首页>要闻>正文", .navigation),
            ("首页 / 资讯 / 正文", .navigation), ("专题报道 > 协作动态", .navigation), ("当前位置：首页", .navigation),
            ("查看原文 >", .navigation), ("更多>>", .navigation), ("湖南|湖北|江西|河南|山西", .navigation),
            ("评论 | 收藏 | 打印", .navigation), ("首页新闻中心政务公开互动交流联系我们", .navigation), ("icon 搜索本站", .navigation),
            ("站内搜索： 加入收藏 | 设为首页", .navigation), ("无障碍浏览 繁體 English 移动版", .navigation),
            ("【字体：大 中 小】", .navigation), ("小字号", .navigation), ("热门搜索：乡村振兴 东西部协作", .navigation),
            ("乡村振兴 东西部协作 对口帮扶 消费帮扶 百千万工程", .navigation), ("QQ：12345678 | 欢迎访问本网站！", .boilerplate),
            ("Email: admin@example.com", .boilerplate), ("地址：某省某市某区某某路16号", .boilerplate),
            ("今天是2023年9月6日 星期三", .boilerplate),
        ]
        for (line, kind) in chrome { XCTAssertEqual(PageChrome.kind(of: scalars(line)), kind, line) }
        for line in [
            "贵州|“山里货”走出了大山", "帮扶干部在高原丨携手并进谋发展 山海协作再升级", "1+1>2 两地协作效应显现",
            "实现“1+1>2”的融合效应", "分享经济助力协作产业园发展", "市领导考察对口帮扶工作 全面提升帮扶实效 共谱山海协作新篇",
            "乡村振兴 消费帮扶", "文/ 记者 张三 图/ 受访者供图", "2023-2024年协作项目清单", "搜索引擎优化助力农产品销售",
            "山海情长：帮扶不断档 携手向振兴",
        ] {
            XCTAssertNil(PageChrome.kind(of: scalars(line)), line)
        }
    }
}
