/// `clean`: how raw pages become articles. Every key has a default, so `"clean": {}` is a
/// complete section; unknown keys are errors. Patterns are compared after the same
/// normalisation as the text (full-width letters and digits become half-width), so either
/// width may be written here.
public struct CleanConfig: Sendable, Equatable {
    /// Articles shorter than this after cleaning (in Unicode scalars) are dropped as fragments.
    public var minArticleChars: Int
    /// A source with a line or an article longer than this (in Unicode scalars) is rejected:
    /// no news article is that long, and extract's time and memory grow with it. Set after
    /// `init`, like the text-repair fields.
    public var maxArticleChars: Int = 200_000
    /// The longest line (non-space scalars) still read as a headline, subhead, deck or byline.
    public var maxHeadingChars: Int
    /// A line starting with a caption mark is a photo caption up to this length; longer ones
    /// are prose that happens to start with a bullet, kept without the mark.
    public var maxCaptionChars: Int
    /// An unpunctuated line at most this long is a section tag (粤黔协作, 区域协调) where layout
    /// puts tags: inside a sentence broken across columns, or in an article's head. Elsewhere it
    /// is a short subhead and kept.
    public var maxTagChars: Int
    /// Share of control bytes (other than tab, line feed, form feed, carriage return) above
    /// which a file is rejected as binary.
    public var maxControlShare: Double
    /// Characters that open a photo caption line (■▲◀▶▼●◆).
    public var captionMarks: String
    /// Characters that open a short navigation line (• 我的订阅).
    public var navigationMarks: String
    /// Labels of a byline line (采写, 记者, 执笔 …); see `BylineReader` for the line shape.
    public var bylineWords: [String]
    /// A line starting with one of these is page furniture (requestId, 本站…, 发布留言).
    public var noisePrefixes: [String]
    /// A line containing one of these is boilerplate (快照, 免责声明, 如有侵权).
    public var noiseSubstrings: [String]
    /// A line that is exactly one of these opens a "related articles" list, dropped whole.
    public var relatedHeadings: [String]

    // Traditional conversion, de-spinning and spam removal (`ArticleRepair`); defaults and
    // checks in CleanConfig+TextRepair.swift. Set after `init`, like any other field.
    /// OpenCC configuration for Traditional articles: a file name in OpenCC's data directory
    /// (`t2s.json`, in /usr/share/opencc/ on Debian) or a path. Opened once when the stage is
    /// prepared; a missing file stops the run there.
    public var openCCConfig: String = CleanConfig.defaultOpenCCConfig
    /// Spinner artefacts (平易近, 年夜, 生齿 …) that mark an article as spun.
    public var despinMarkers: [String] = CleanConfig.defaultDespinMarkers
    /// Different markers an article must contain before the de-spinning table is applied to
    /// it; 0 applies it to every article.
    public var despinMinMarkers: Int = 3
    /// Brands, car words and places that start a glued-in ad keyword (宝马, 汽车, 台北).
    public var spamKeywordHeads: [String] = CleanConfig.defaultSpamKeywordHeads
    /// Products that are a keyword after a head (零件, 材料): 宝马零件, 汽车材料.
    public var spamKeywordItems: [String] = CleanConfig.defaultSpamKeywordItems
    /// Products that are a keyword on their own (机油芯, 水箱精, 油气分离器).
    public var spamKeywordSolo: [String] = CleanConfig.defaultSpamKeywordSolo
    /// Trade words a keyword may end with (进口商, 贸易商, 报价).
    public var spamKeywordTails: [String] = CleanConfig.defaultSpamKeywordTails
    /// Different keywords an article must contain before its keywords are removed; 0 removes
    /// every keyword found.
    public var spamKeywordMinDistinct: Int = 3
    /// Off-topic words worth 2 points in a span (甜甜圈, 悍马, 天秤座 …).
    public var offTopicWords: [String] = CleanConfig.defaultOffTopicWords
    /// Off-topic words worth 1 point (咖啡馆, 彩虹, 信用卡 …).
    public var offTopicWeakWords: [String] = CleanConfig.defaultOffTopicWeakWords
    /// Character names worth 1 point after a common surname (林天秤, 张水瓶).
    public var offTopicNames: [String] = CleanConfig.defaultOffTopicNames
    /// Cooperation vocabulary; each word in a span counts 1 against removing it.
    public var onTopicWords: [String] = CleanConfig.defaultOnTopicWords
    /// A span is removed when its off-topic points reach this and exceed its on-topic words;
    /// 0 turns off-topic removal off.
    public var offTopicMinScore: Int = 2

    public init(
        minArticleChars: Int = 60, maxHeadingChars: Int = 50, maxCaptionChars: Int = 100, maxTagChars: Int = 6,
        maxControlShare: Double = 0.05, captionMarks: String = CleanConfig.defaultCaptionMarks,
        navigationMarks: String = CleanConfig.defaultNavigationMarks,
        bylineWords: [String] = CleanConfig.defaultBylineWords,
        noisePrefixes: [String] = CleanConfig.defaultNoisePrefixes,
        noiseSubstrings: [String] = CleanConfig.defaultNoiseSubstrings,
        relatedHeadings: [String] = CleanConfig.defaultRelatedHeadings
    ) {
        self.minArticleChars = minArticleChars
        self.maxHeadingChars = maxHeadingChars
        self.maxCaptionChars = maxCaptionChars
        self.maxTagChars = maxTagChars
        self.maxControlShare = maxControlShare
        self.captionMarks = captionMarks
        self.navigationMarks = navigationMarks
        self.bylineWords = bylineWords
        self.noisePrefixes = noisePrefixes
        self.noiseSubstrings = noiseSubstrings
        self.relatedHeadings = relatedHeadings
    }

    public static let defaultCaptionMarks = "■▲◀▶▼●◆"
    public static let defaultNavigationMarks = "•›»"
    public static let defaultBylineWords = [
        "采写", "撰文", "执笔", "執筆", "记者", "記者", "通讯员", "通訊員", "摄影", "攝影", "摄像", "攝像",
        "责任编辑", "責任編輯", "编辑", "編輯", "责编", "責編", "校对", "校對", "审核", "審核", "文/", "图/", "圖/",
        "文图", "文圖",
    ]
    public static let defaultNoisePrefixes = [
        "requestId", "本站", "信息原文地址", "原文地址", "原文链接", "快照", "更多关于", "更多關於", "免责声明",
        "免責聲明", "发布留言", "發佈留言", "發布留言", "发表评论", "發表評論", "我要评论", "网友评论", "我的订阅",
        "上一篇", "下一篇", "返回顶部", "分享到", "扫一扫", "当前位置", "您的位置", "首页 >", "首页>", "打印本页",
        "关闭窗口", "点击查看", "点击进入", "(完)", "（完）",
    ]
    public static let defaultNoiseSubstrings = [
        "快照", "免责声明", "免責聲明", "如有侵权", "如有侵權", "不代表本站", "版权所有", "版權所有", "转载请注明",
        "轉載請註明", "未经授权", "未經授權",
    ]
    public static let defaultRelatedHeadings = [
        "相关阅读", "相关新闻", "相关推荐", "相关文章", "相关链接", "延伸阅读", "推荐阅读", "猜你喜欢", "热门推荐",
        "热点推荐", "相關閱讀", "相關新聞", "相關推薦", "相關文章", "延伸閱讀", "推薦閱讀",
    ]

    /// Upper bounds far above any real article or line, below where the line-shape arithmetic
    /// (twice a limit, sums of weights) could overflow.
    static let maxArticleCharsLimit = 1_000_000_000
    static let maxLineCharsLimit = 10_000

    func problems(at path: String) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        func require(_ ok: Bool, _ key: String, _ message: String) {
            if !ok { problems.append(ConfigProblem(path: "\(path).\(key)", message: message)) }
        }
        require(minArticleChars >= 0, "min_article_chars", "must be 0 or more")
        require(
            maxArticleChars >= max(1, minArticleChars), "max_article_chars",
            "must be at least 1 and at least min_article_chars")
        require(maxArticleChars <= Self.maxArticleCharsLimit, "max_article_chars", "must be at most \(Self.maxArticleCharsLimit)")
        require(maxHeadingChars >= 1, "max_heading_chars", "must be at least 1")
        require(maxHeadingChars <= Self.maxLineCharsLimit, "max_heading_chars", "must be at most \(Self.maxLineCharsLimit)")
        require(maxCaptionChars >= 1, "max_caption_chars", "must be at least 1")
        require(maxCaptionChars <= Self.maxLineCharsLimit, "max_caption_chars", "must be at most \(Self.maxLineCharsLimit)")
        require(maxTagChars >= 0, "max_tag_chars", "must be 0 or more (0 keeps every short line)")
        require(maxTagChars <= Self.maxLineCharsLimit, "max_tag_chars", "must be at most \(Self.maxLineCharsLimit)")
        require(
            maxControlShare.isFinite && (0...1).contains(maxControlShare), "max_control_share",
            "must be a fraction between 0 and 1, e.g. 0.05"
        )
        let lists: [(String, [String])] = [
            ("byline_words", bylineWords), ("noise_prefixes", noisePrefixes), ("noise_substrings", noiseSubstrings),
            ("related_headings", relatedHeadings),
        ]
        for (key, list) in lists {
            for (index, entry) in list.enumerated() where entry.allSatisfy(\.isWhitespace) {
                problems.append(
                    ConfigProblem(
                        path: "\(path).\(key)[\(index)]", message: "an empty pattern matches every line; remove it"
                    )
                )
            }
        }
        problems += textRepairProblems(at: path)
        return problems
    }
}

extension CleanConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case minArticleChars = "min_article_chars"
        case maxArticleChars = "max_article_chars"
        case maxHeadingChars = "max_heading_chars"
        case maxCaptionChars = "max_caption_chars"
        case maxTagChars = "max_tag_chars"
        case maxControlShare = "max_control_share"
        case captionMarks = "caption_marks"
        case navigationMarks = "navigation_marks"
        case bylineWords = "byline_words"
        case noisePrefixes = "noise_prefixes"
        case noiseSubstrings = "noise_substrings"
        case relatedHeadings = "related_headings"
        case openCCConfig = "opencc_config"
        case despinMarkers = "despin_markers"
        case despinMinMarkers = "despin_min_markers"
        case spamKeywordHeads = "spam_keyword_heads"
        case spamKeywordItems = "spam_keyword_items"
        case spamKeywordSolo = "spam_keyword_solo"
        case spamKeywordTails = "spam_keyword_tails"
        case spamKeywordMinDistinct = "spam_keyword_min_distinct"
        case offTopicWords = "offtopic_words"
        case offTopicWeakWords = "offtopic_weak_words"
        case offTopicNames = "offtopic_names"
        case onTopicWords = "ontopic_words"
        case offTopicMinScore = "offtopic_min_score"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        let defaults = CleanConfig()
        minArticleChars = try container.value(.minArticleChars, default: defaults.minArticleChars)
        maxArticleChars = try container.value(.maxArticleChars, default: defaults.maxArticleChars)
        maxHeadingChars = try container.value(.maxHeadingChars, default: defaults.maxHeadingChars)
        maxCaptionChars = try container.value(.maxCaptionChars, default: defaults.maxCaptionChars)
        maxTagChars = try container.value(.maxTagChars, default: defaults.maxTagChars)
        maxControlShare = try container.value(.maxControlShare, default: defaults.maxControlShare)
        captionMarks = try container.value(.captionMarks, default: defaults.captionMarks)
        navigationMarks = try container.value(.navigationMarks, default: defaults.navigationMarks)
        bylineWords = try container.value(.bylineWords, default: defaults.bylineWords)
        noisePrefixes = try container.value(.noisePrefixes, default: defaults.noisePrefixes)
        noiseSubstrings = try container.value(.noiseSubstrings, default: defaults.noiseSubstrings)
        relatedHeadings = try container.value(.relatedHeadings, default: defaults.relatedHeadings)
        openCCConfig = try container.value(.openCCConfig, default: defaults.openCCConfig)
        despinMarkers = try container.value(.despinMarkers, default: defaults.despinMarkers)
        despinMinMarkers = try container.value(.despinMinMarkers, default: defaults.despinMinMarkers)
        spamKeywordHeads = try container.value(.spamKeywordHeads, default: defaults.spamKeywordHeads)
        spamKeywordItems = try container.value(.spamKeywordItems, default: defaults.spamKeywordItems)
        spamKeywordSolo = try container.value(.spamKeywordSolo, default: defaults.spamKeywordSolo)
        spamKeywordTails = try container.value(.spamKeywordTails, default: defaults.spamKeywordTails)
        spamKeywordMinDistinct = try container.value(.spamKeywordMinDistinct, default: defaults.spamKeywordMinDistinct)
        offTopicWords = try container.value(.offTopicWords, default: defaults.offTopicWords)
        offTopicWeakWords = try container.value(.offTopicWeakWords, default: defaults.offTopicWeakWords)
        offTopicNames = try container.value(.offTopicNames, default: defaults.offTopicNames)
        onTopicWords = try container.value(.onTopicWords, default: defaults.onTopicWords)
        offTopicMinScore = try container.value(.offTopicMinScore, default: defaults.offTopicMinScore)
    }
}
