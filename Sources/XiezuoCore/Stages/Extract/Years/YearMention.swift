/// A year stated in the text: 2024年, 2024年底, 二〇二三年, with how the text uses it.
struct YearMention: Sendable, Equatable {
    /// How a year is used where it stands.
    enum Use: Sendable, Equatable {
        /// A year the statement is about: 2024年，… / 2023年度 / 2023年8月上旬.
        case plain
        /// The start of a span up to now: 2016年以来, 2013年起, 自2021年6月…以来.
        case since
        /// A point in time something is counted at: 截至2025年底.
        case asOf
        /// One of several years read together: 2018年、2019年两年共…, 2022—2026年.
        case listed
        /// The year a document's title names (《2024年东西部协作协议》): the period it covers.
        case titled
        /// A dateline or page header (2022年11月25日 星期五): it dates the page, not a figure.
        case dateline
    }

    var range: Range<Int>
    var year: Int
    /// 2022年3月, 2023年2月5日: the date of one event, which dates only its own clause.
    var isEventDate: Bool
    var use: Use = .plain
    /// Where the month and day written right after the year end (2023年8月上旬 → after 上旬), so
    /// that they are not read again as a month-day marker of their own.
    var dateEnd: Int

    /// Every year mention in `text`, left to right. A year is four Arabic digits or four
    /// Chinese digits (二〇二三) directly followed by 年, not preceded by another digit.
    static func all(in text: [Unicode.Scalar]) -> [YearMention] {
        var mentions: [YearMention] = []
        var index = 3
        while true {
            // The next 年, found in a tight loop over the buffer: the rest of the text is passed over.
            index = text.withUnsafeBufferPointer { buffer in
                var next = index + 1
                while next < buffer.count, buffer[next] != "年" { next += 1 }
                return next
            }
            guard index < text.count else { break }
            let start = index - 4
            // Most 年 follow ordinary words (今年, 多年): a scalar that no numeral holds rules the
            // year out before any string is made (`NumeralParser.year` reads none of them).
            guard (start..<index).allSatisfy({ NumeralScalar.startsRun(text[$0]) }) else { continue }
            if start > 0, isDigit(text[start - 1]) { continue }
            let digits = String(String.UnicodeScalarView(text[start..<index]))
            guard let year = NumeralParser.year(of: digits), (1949...2100).contains(year) else { continue }
            let dateEnd = TimeWords.dateEnd(after: index + 1, in: text)
            var mention = YearMention(
                range: start..<(index + 1), year: year, isEventDate: isMonth(after: index + 1, in: text), dateEnd: dateEnd)
            mention.use = use(of: mention, in: text, previous: mentions.last)
            if mention.use == .listed, let last = mentions.indices.last, mentions[last].range.upperBound + 2 >= start {
                mentions[last].use = .listed
            }
            mentions.append(mention)
        }
        return mentions
    }

    private static func use(of mention: YearMention, in text: [Unicode.Scalar], previous: YearMention?) -> Use {
        let start = mention.range.lowerBound
        let end = mention.dateEnd
        // 2018年、2019年 / 2022—2026年: a list or a range of years.
        if let previous, previous.range.upperBound <= start, start - previous.range.upperBound <= 2,
            (previous.range.upperBound..<start).allSatisfy({ TimeWords.yearJoiners.contains(text[$0].value) })
        {
            return .listed
        }
        if end < text.count, TimeWords.yearJoiners.contains(text[end].value), end + 1 < text.count,
            isDigit(text[end + 1])
        {
            return .listed
        }
        var after = end
        while after < text.count, text[after] == " " || text[after] == "\u{3000}" { after += 1 }
        if TimeWords.weekday.match(text, at: after) > 0 { return .dateline }
        if TimeWords.sinceAfterYear.match(text, at: end) > 0 { return .since }
        let clauseStart = ClauseBounds.start(before: start, in: text, floor: max(0, start - TimeWords.clauseReach))
        let clauseEnd = ClauseBounds.end(after: end, in: text, ceiling: min(text.count, end + TimeWords.clauseReach))
        // 自2021年6月上海市松江区与云南省镇雄县开展东西部协作以来
        if start > 0, TimeWords.sinceOpeners.matchEnding(text, before: start) > 0,
            TimeWords.sinceClosers.occurs(in: text, end..<clauseEnd)
        {
            return .since
        }
        if TimeWords.asOf.occurs(in: text, clauseStart..<start) { return .asOf }
        // 《2019年对口支援项目实施协议书》: the year a document covers.
        if start > 0, text[start - 1] == "《" { return .titled }
        return .plain
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "零": return true
        default: return false
        }
    }

    /// 1 to 2 digits (Arabic or Chinese) then 月.
    private static func isMonth(after position: Int, in text: [Unicode.Scalar]) -> Bool {
        var index = position
        while index < text.count, index - position < 3, isDigit(text[index]) || text[index] == "十" { index += 1 }
        return index > position && index < text.count && text[index] == "月"
    }
}
