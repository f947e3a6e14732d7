import Foundation

/// Generated test data for near-duplicate detection: stories, each published once or several
/// times by different sites. Copies of a story are positives, everything else negatives.
///
/// Stories come from the real seed articles (seeds 000 and 004 split at their headlines,
/// 001–003 one article each) and from stock-phrase articles (`NearDuplicateStockText`), half
/// of them in sibling pairs with the same sentence patterns and other facts. Each story gets
/// one copy per kind in `NearDuplicateCorpus.Edit`, each under another site's boilerplate;
/// more stock-phrase articles are published once, as negatives only. Related-article lists in
/// the boilerplate name other stories' headlines, as real sites do. All of it is drawn from a
/// seeded generator: the same seed gives the same corpus.
struct NearDuplicateCorpus {
    struct Document {
        var story: Int
        var edit: Edit
        var text: String
    }

    /// How a copy differs from the story as first published (besides its site boilerplate).
    enum Edit: String, CaseIterable {
        case original, boilerplate, droppedSentence, reorderedParagraphs, changedCharacters, layout, combined
    }

    var documents: [Document] = []
    var storyCount = 0

    /// `seeds/` at the package root.
    static let seedDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")

    /// The real articles of the seeds, each as paragraphs (headline first).
    static func seedArticles(in seeds: URL = seedDirectory) throws -> [[String]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }
            .sorted()
        let headlines: Set<String> = [
            "驻清远英德大洞镇工作队: 筹资安装不锈钢雨棚 撑起校园“防护伞”", "“村民”争当“股东” 惠水长征村众筹项目探索共富之路",
            "富川举办专题培训班 着力提升乡村振兴人才能力", "粤企人桂爱心捐赠 助力昭平乡村发展",
        ]
        var articles: [[String]] = []
        for name in names {
            let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            var current: [String] = []
            for line in text.split(whereSeparator: \.isNewline) {
                let paragraph = line.trimmingCharacters(in: .whitespaces)
                guard !paragraph.isEmpty else { continue }
                if headlines.contains(paragraph), !current.isEmpty {
                    articles.append(current)
                    current = []
                }
                current.append(paragraph)
            }
            if !current.isEmpty { articles.append(current) }
        }
        return articles
    }

    /// `syntheticStories` stock-phrase stories (half of them siblings) besides the seeds, and
    /// `singles` stock-phrase articles published once.
    init(seed: UInt64, seedArticles: [[String]], syntheticStories: Int, singles: Int) {
        var random = NearDuplicateRandom(seed: seed)
        let borrowed = Self.sentencePool(seedArticles)
        var stories = seedArticles
        var synthetic: [[String]] = []
        while synthetic.count < syntheticStories {
            let count = min(2, syntheticStories - synthetic.count)
            synthetic += NearDuplicateStockText.articles(
                &random, count: count, paragraphs: random.within(3...7), borrowed: borrowed)
        }
        stories += synthetic
        let titles = stories.map { $0[0] }
        for (story, paragraphs) in stories.enumerated() {
            for edit in Edit.allCases {
                let body = Self.apply(edit, to: paragraphs, &random)
                documents.append(
                    Document(story: story, edit: edit, text: Self.boilerplate(around: body, titles: titles, &random)))
            }
        }
        for index in 0..<singles {
            let paragraphs = NearDuplicateStockText.article(
                &random, paragraphs: random.within(3...7), borrowed: borrowed)
            documents.append(
                Document(
                    story: stories.count + index, edit: .original,
                    text: Self.boilerplate(around: paragraphs, titles: titles, &random)))
        }
        storyCount = stories.count + singles
        random.shuffle(&documents)
    }

    /// The body sentences of `articles` long enough to carry a fact, for synthetic articles to
    /// quote.
    static func sentencePool(_ articles: [[String]]) -> [String] {
        articles.flatMap { $0.dropFirst().flatMap(sentences) }.filter { $0.count >= 20 }
    }

    static func apply(_ edit: Edit, to paragraphs: [String], _ random: inout NearDuplicateRandom) -> [String] {
        switch edit {
        case .original, .boilerplate: return paragraphs
        case .droppedSentence: return dropSentence(paragraphs, &random)
        case .reorderedParagraphs: return reorder(paragraphs, &random)
        case .changedCharacters: return changeCharacters(paragraphs, count: random.within(1...6), &random)
        case .layout: return relayout(paragraphs, &random)
        case .combined:
            return changeCharacters(
                reorder(dropSentence(paragraphs, &random), &random), count: random.within(1...4), &random)
        }
    }

    /// One sentence of the body (not the headline) removed.
    static func dropSentence(_ paragraphs: [String], _ random: inout NearDuplicateRandom) -> [String] {
        var result = paragraphs
        let candidates = result.indices.dropFirst().filter { sentences(result[$0]).count > 1 }
        guard !candidates.isEmpty else { return result }
        let index = random.pick(candidates)
        var parts = sentences(result[index])
        parts.remove(at: random.below(parts.count))
        result[index] = parts.joined()
        return result
    }

    /// The body paragraphs shuffled (the headline stays first).
    static func reorder(_ paragraphs: [String], _ random: inout NearDuplicateRandom) -> [String] {
        guard paragraphs.count > 2 else { return paragraphs }
        var body = Array(paragraphs.dropFirst())
        random.shuffle(&body)
        return [paragraphs[0]] + body
    }

    /// `count` Chinese characters of the body replaced by others (typos, a corrected name).
    static func changeCharacters(_ paragraphs: [String], count: Int, _ random: inout NearDuplicateRandom) -> [String] {
        var result = paragraphs.map { Array($0) }
        let replacements = NearDuplicateStockText.commonCharacters
        let candidates = result.indices.dropFirst().flatMap { paragraph in
            result[paragraph].indices.filter {
                result[paragraph][$0].unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } ?? false
            }
            .map { (paragraph, $0) }
        }
        guard !candidates.isEmpty else { return paragraphs }
        for _ in 0..<count {
            let (paragraph, position) = random.pick(candidates)
            result[paragraph][position] = random.pick(replacements)
        }
        return result.map { String($0) }
    }

    /// The same words in another layout: half-width punctuation, stray spaces, and paragraphs
    /// joined or split differently.
    static func relayout(_ paragraphs: [String], _ random: inout NearDuplicateRandom) -> [String] {
        let mapped = paragraphs.map { paragraph in
            paragraph.replacingOccurrences(of: ",", with: ", ").replacingOccurrences(of: "。", with: ". ")
                .replacingOccurrences(of: "“", with: "\"").replacingOccurrences(of: "”", with: "\"")
                .replacingOccurrences(of: ":", with: ": ").replacingOccurrences(of: "、", with: " , ")
        }
        var result: [String] = []
        for paragraph in mapped {
            if let last = result.last, result.count > 1, random.chance(0.3) {
                result[result.count - 1] = last + "  " + paragraph
            } else {
                result.append("\u{3000}\u{3000}" + paragraph)
            }
        }
        return result
    }

    static func sentences(_ paragraph: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in paragraph {
            current.append(character)
            if "。!?！？".contains(character) {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static let sites = [
        "新快报", "南方网", "金羊网", "人民网广东频道", "黔南日报", "贵州日报天眼新闻", "广西日报", "每日看点快看", "网易新闻",
        "搜狐网", "腾讯新闻", "今日头条", "广州日报", "羊城晚报", "贺州日报", "梅州日报", "中国经济网", "东方财富网",
    ]

    /// `body` under a random site's header and footer: navigation, source line, sharing
    /// buttons, disclaimer, editor, related articles. Most sites use some of them.
    static func boilerplate(around body: [String], titles: [String], _ random: inout NearDuplicateRandom) -> String {
        let site = random.pick(sites)
        let date = "20\(random.within(21...25))-\(random.within(10...12))-\(random.within(10...28))"
        var header: [String] = []
        var footer: [String] = []
        if random.chance(0.6) {
            header.append(
                random.pick([
                    "首页 > 新闻中心 > 区域协作", "当前位置:首页>>新闻>>东西部协作", "您的位置: 网站首页 » 乡村振兴 » 正文",
                    "首页 | 要闻 | 协作动态 | 乡村振兴 | 视频", "• 我的订阅 • 国内",
                ]))
        }
        if random.chance(0.7) {
            header.append(
                "来源:\(site) 发布时间:\(date) \(random.within(6...22)):\(random.within(10...59)) 浏览次数:\(random.within(10...9999))"
            )
        }
        if random.chance(0.4) { header.append("字号:大 中 小 【打印本页】【关闭窗口】 分享到:微信 微博 QQ空间") }
        if random.chance(0.5) { footer.append("责任编辑:\(NearDuplicateStockText.person(&random))") }
        if random.chance(0.5) {
            footer.append(
                random.pick([
                    "免责声明:本文转自\(site),版权归原作者所有,如有侵权请联系删除。",
                    "以上内容为资讯信息快照,由爬虫进行采集并收录,本站未对信息做任何修改,信息内容不代表本站立场。",
                    "版权所有:\(site) 未经授权禁止转载 备案号:粤ICP备\(random.within(10_000_000...99_999_999))号",
                    "本站信息快照查询为非营利公共服务,如有侵权请联系我们进行删除。",
                ]))
        }
        if random.chance(0.4) {
            footer.append("相关阅读:")
            for _ in 0..<random.within(2...4) { footer.append(random.pick(titles)) }
        }
        if random.chance(0.3) { footer.append("扫一扫在手机打开当前页 【我要纠错】") }
        return (header + body + footer).joined(separator: "\n")
    }
}
