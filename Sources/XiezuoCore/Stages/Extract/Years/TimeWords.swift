/// The words that place a statement in time (docs/years.md). General wordings of news, never
/// tied to a page: what starts a span (以来, 起), what counts up a span (累计, 近两年来), what
/// reads against the publication date (今年, 目前, 6月23日) and what only attributes a statement
/// (…介绍，/ 记者了解到：).
enum TimeWords {
    /// How far a year's clause is searched for 自…以来 or 截至.
    static let clauseReach = 60

    /// Between two years read together: 2018年、2019年, 2022—2026年, 2017年至2019年.
    static let yearJoiners = ScalarBitmap("、—–-－~～至到和及".unicodeScalars.map(\.value))

    /// After a date: a weekday makes it a dateline or page header (2022年11月25日 星期五).
    static let weekday = CueWords(["星期", "礼拜", "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周天"])

    /// Right after a year (and its month): the start of a span up to now (2016年以来, 2013年起).
    static let sinceAfterYear = CueWords(["以来", "至今", "开始", "起", "来"])
    /// Before a year: 自 / 从 … 以来 (自2021年6月…开展东西部协作以来).
    static let sinceOpeners = CueWords(["自从", "自", "从"])
    static let sinceClosers = CueWords(["以来", "至今", "开始", "起"])

    /// Before a year in its clause: a point in time (截至2025年底).
    static let asOf = CueWords(["截至", "截止"])

    /// 今年, 去年…: years counted from the publication date. 以来 after them (今年以来) stays that year.
    static let relative: [(word: [UInt32], offset: Int)] = [
        ("今年", 0), ("本年", 0), ("当年", 0), ("去年", -1), ("上年", -1), ("前年", -2), ("明年", 1),
    ].map { (ScalarWords.values([$0.0])[0], $0.1) }

    /// Spans with no single year: 近两年来, 20多年来, 近年来, 多年来, "十四五"以来, 开展协作以来.
    /// A bare 以来 not right after a year or 今年 is one of these.
    static let since = CueWords(["以来"])
    static let spanYears = CueWords(["年来", "年以来", "年多来", "年多以来", "年余来"])
    /// What stands before 年来 in a span: a count of years (两, 20多, 五).
    static let spanCounts = ScalarBitmap("0123456789一二三四五六七八九十两几多余百".unicodeScalars.map(\.value))
    static let spans = CueWords(["近年来", "多年来", "历年", "近年"])

    /// Words that read as "now" against the publication date: 目前, 截至目前, 上个月, 近日.
    static let current = CueWords(["截至目前", "截止目前", "目前", "当前", "上个月", "上月", "本月", "近日", "日前", "今日"])

    /// "Now" words too vague to date a lead's event for the whole article (近日 may be weeks).
    static let vagueCurrent: Set<[UInt32]> = Set(ScalarWords.values(["近日", "日前", "目前", "当前", "截至目前", "截止目前"]))

    /// The whole of a year: a span that starts with the year (2025年以来) then covers that year only.
    static let wholeYear = CueWords(["全年"])

    /// Plans and estimates: "now" and the article's frame do not date them (预计实现年产值5亿元).
    static let plan = CueWords(["预计", "计划", "将", "力争", "目标", "拟", "方针"])

    /// Opens a breakdown of the figure before it (其中：…类项目58个): the breakdown takes that
    /// figure's year.
    static let breakdown = CueWords(["其中"])

    /// "Now" words that count only as a clause of their own (目前，…), not inside one.
    static let ownClauseOnly: Set<[UInt32]> = Set(ScalarWords.values(["近日", "日前", "目前", "当前", "今日"]))

    /// A running total: 累计 figures are dated only by a year or 今年 that frames them.
    static let tally = CueWords(["累计"])

    /// Words after a year that make it the period a statement covers (2023年度, 2025年全年).
    static let periodWords = CueWords([
        "全年", "以来", "底", "初", "末", "度", "上半年", "下半年", "前三季度", "一季度", "期间", "内", "累计", "共", "中",
    ])

    /// A clause ending in these only says who reports (…介绍，/ 记者从会上了解到：/ 据悉，).
    static let attribution = CueWords([
        "介绍", "表示", "了解到", "获悉", "透露", "指出", "说", "称", "显示", "报道", "讯", "据悉", "据了解", "据统计", "会上",
        "发布", "通报", "强调",
    ])

    /// After the digits of a month: a day or a part of the month (6月23日, 10月底, 8月上旬).
    static let monthParts = CueWords(["上旬", "中旬", "下旬", "底", "末", "初", "份", "中"])

    /// Digits of a month or day, Arabic or Chinese.
    @inline(__always)
    static func isDateDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "廿": return true
        default: return false
        }
    }

    /// The end of a month-day written at `position` (6月23日, 10月底, 1—11月, 6月), or `position`
    /// when none is.
    static func dateEnd(after position: Int, in text: [Unicode.Scalar]) -> Int {
        var index = position
        var digits = 0
        while index < text.count, digits < 3, isDateDigit(text[index]) {
            index += 1
            digits += 1
        }
        // 1—11月: a range of months.
        if digits > 0, index + 1 < text.count, yearJoiners.contains(text[index].value), isDateDigit(text[index + 1]) {
            index += 1
            digits = 0
            while index < text.count, digits < 3, isDateDigit(text[index]) {
                index += 1
                digits += 1
            }
        }
        guard digits > 0, index < text.count, text[index] == "月" else { return position }
        index += 1
        var day = index
        var dayDigits = 0
        while day < text.count, dayDigits < 3, isDateDigit(text[day]) {
            day += 1
            dayDigits += 1
        }
        if dayDigits > 0, day < text.count, text[day] == "日" || text[day] == "号" { return day + 1 }
        return index + monthParts.match(text, at: index)
    }
}
