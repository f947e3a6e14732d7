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
            ("http://m.example.cn/n4/2024/0331/c1545-21015842.html", "2024-03-31"),
            ("http://cq.example.cn/2022-06/24/c_1128771985.htm", "2022-06-24"),
            ("http://cq.example.net/html/2021-09/28/content_51744804.html", "2021-09-28"),
            ("https://www.example.com/cj/2019/04-29/8824343.shtml", "2019-04-29"),
            ("https://www.example.gov.cn/10462/10464/10797/2023/6/16/27ecceaf8d39.shtml", "2023-06-16"),
            ("http://gz.example.cn/2020index/wmcj/202007/t20200713_6578771.html", "2020-07-13"),
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
            ("2023年2月5日", "2023-02-05"), ("2021年09月12日16:45", "2021-09-12"), ("2023年06月16日 07时54分", "2023-06-16"),
            ("二〇二〇年七月七日", "2020-07-07"), ("二〇一九年十二月三十一日", "2019-12-31"), ("二〇二三年十月一日", "2023-10-01"),
        ]
        for (text, date) in dates {
            XCTAssertEqual(DateTextReader.date(in: scalars(text), at: 0)?.date.description, date, text)
        }
        for text in ["二〇一八年八月", "2023年2月", "2023-13-05", "2023-02-30", "12-05", "2023-02-055", "一九九六年九月"] {
            XCTAssertNil(DateTextReader.date(in: scalars(text), at: 0), text)
        }
        XCTAssertTrue(DateTextReader.isTimestampLine(scalars("2023年06月16日 07时54分")))
        XCTAssertFalse(DateTextReader.isTimestampLine(scalars("2023年06月16日 星期五")))
    }

    func testMetadataLines() throws {
        let line = try XCTUnwrap(MetadataReader.parse(scalars("类别:国内 发布时间:2023-02-05 06:46:00 来源:每日看点快看")))
        XCTAssertEqual(line.dates.map(\.date.description), ["2023-02-05"])
        XCTAssertEqual(line.dates.map(\.label), [.published])
        XCTAssertEqual(line.sourceOutlet, "每日看点快看")

        let bare = try XCTUnwrap(MetadataReader.parse(scalars("2024-03-31 09:38　某某广电总台·融媒体新闻中心")))
        XCTAssertEqual(bare.dates.map(\.label), [.bare])
        XCTAssertEqual(bare.bareOutlet, "某某广电总台·融媒体新闻中心")

        let source = try XCTUnwrap(MetadataReader.parse(scalars("来源：某某网 2024-11-19 10:36")))
        XCTAssertEqual(source.dates.map(\.label), [.source])

        let bar = try XCTUnwrap(MetadataReader.parse(scalars("来源 | 某某晚报·某某派　责编 | 张三　校对 | 李四")))
        XCTAssertEqual(bar.sourceOutlet, "某某晚报·某某派")

        let header = try XCTUnwrap(MetadataReader.parse(scalars("2022年11月25日　星期五　　第2版　　东西部协作")))
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
            ("人民网-黑龙江频道", "人民网"), ("中国产业经济信息网（转自新华社）", "中国产业经济信息网"), ("中国改革报新疆记者站", "中国改革报"),
            ("羊城晚报·羊城派", "羊城晚报·羊城派"), ("网络", nil), ("本站", nil), ("综合整理", nil), ("——", nil),
        ]
        for (value, outlet) in names { XCTAssertEqual(OutletName.cleaned(ScalarText.scalars(value)[...]), outlet, value) }
        XCTAssertTrue(OutletName.isOutletLike(ScalarText.scalars("南方日报网络版·")[...]))
        XCTAssertFalse(OutletName.isOutletLike(ScalarText.scalars("羊城晚报全媒体记者")[...]))
        XCTAssertFalse(OutletName.isOutletLike(ScalarText.scalars("东西部协作")[...]))
    }

    func testScriptDates() {
        XCTAssertEqual(ScriptDateScanner.date(in: #"var pubtime = "2019-04-29 22:18:00";"#)?.description, "2019-04-29")
        XCTAssertEqual(ScriptDateScanner.date(in: "window.CONFIG = {publishTime: '2024-01-05 08:00'};")?.description, "2024-01-05")
        XCTAssertEqual(
            ScriptDateScanner.date(in: #"{"dateModified":"2024-02-01","datePublished":"2024-01-05T08:00:00+08:00"}"#)?
                .description, "2024-01-05")
        XCTAssertNil(ScriptDateScanner.date(in: #"var lastpubtime = "2019-04-29"; var dateModified = "2020-01-01";"#))
        XCTAssertNil(ScriptDateScanner.date(in: #"var pubtime = getTime();"#))
    }

    func testChromeLines() {
        let chrome: [(String, LineKind)] = [
            ("<?xml version=\"1.0\"?>", .boilerplate), ("<!DOCTYPE html>", .boilerplate),
            ("首页 > 新闻中心 > 东西部协作", .navigation), ("某某网 >> 地方频道 >> 专稿", .navigation), ("首页>要闻>正文", .navigation),
            ("首页 / 资讯 / 正文", .navigation), ("专题报道 > 协作动态", .navigation), ("当前位置：首页", .navigation),
            ("查看原文 >", .navigation), ("更多>>", .navigation), ("安徽|北京|重庆|福建|甘肃", .navigation),
            ("举报 | 收藏 | 分享", .navigation), ("首页综合要闻专题生活关于我们", .navigation), ("icon 搜索文档", .navigation),
            ("站内搜索： 加入收藏 | 设为首页", .navigation), ("无障碍浏览 繁體 English 移动版", .navigation),
            ("【字体：大 中 小】", .navigation), ("小字号", .navigation), ("热门搜索：乡村振兴 东西部协作", .navigation),
            ("乡村振兴 东西部协作 对口帮扶 消费帮扶 百千万工程", .navigation), ("QQ：站内信联系 | 欢迎来到本站！", .boilerplate),
            ("Email: admin@example.com", .boilerplate), ("地址：某省某市某区某某路58号", .boilerplate),
            ("今天是2024年11月20日 星期三", .boilerplate),
        ]
        for (line, kind) in chrome { XCTAssertEqual(PageChrome.kind(of: scalars(line)), kind, line) }
        for line in [
            "云南|“开花洋芋”走出了山沟沟", "大兴人在乌兰察布丨携手并进谋发展 京蒙协作再升级", "1+1>2 两地协作效应显现",
            "实现“1+1>2”的融合效应", "分享经济助力协作产业园发展", "广州市领导莅湛考察对口帮扶工作 全面提升帮扶实效 共谱广湛“江海情”",
            "驻镇帮镇扶村 消费帮扶", "文/ 记者 张三 图/ 受访者供图", "2023-2024年协作项目清单", "搜索引擎优化助力农产品销售",
            "闽宁情长：帮扶不断档 携手向振兴",
        ] {
            XCTAssertNil(PageChrome.kind(of: scalars(line)), line)
        }
    }
}
