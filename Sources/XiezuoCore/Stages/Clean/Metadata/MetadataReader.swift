/// Reads metadata lines: 发布时间 / 来源 / 本文转自 lines ("类别:国内 发布时间:2023-02-05 06:46:00
/// 来源:某某看点", "本文转自:某某日报", "来源 | 某某晚报 责编 | 张三"), and the
/// unlabelled date lines pages print under a headline ("2023-01-16 08:45 某某电视台·新媒体中心",
/// "某某日报网络版· 2025-02-11 10:05", "2023年3月14日 星期二 第3版 区域协作").
///
/// A labelled line is short, has no full stop, and holds a known label followed by a colon or
/// a bar, at its start or after a space, bracket or bar. An unlabelled line is shorter still:
/// a date at a token boundary, and nothing else but times, weekdays, e-paper page numbers and
/// outlet names (a headline that starts with a date has other words, and stays a headline).
/// Which of a line's dates is an article's publication date is decided by `ArticleMetadataReader`,
/// which knows where the line stands.
enum MetadataReader {
    private enum Field { case published, anyDate, original, source, other }

    /// Longest first, so that 本文转自 wins over 转自 and 发布时间 over 时间.
    private static let labels: [(label: [Unicode.Scalar], field: Field)] = {
        let table: [(String, Field)] = [
            ("发布时间", .published), ("发布日期", .published), ("发表时间", .published), ("发表日期", .published),
            ("发稿时间", .published), ("發佈時間", .published), ("發布時間", .published), ("發表時間", .published),
            ("發佈日期", .published), ("發布日期", .published), ("发布于", .published), ("發佈於", .published),
            ("时间", .anyDate), ("日期", .anyDate), ("時間", .anyDate),
            ("本文转自", .original), ("本文轉自", .original), ("转自", .original), ("轉自", .original),
            ("原载", .original), ("原載", .original),
            ("本文来源", .source), ("本文來源", .source), ("来源", .source), ("來源", .source), ("稿源", .source),
            ("出处", .source), ("出處", .source),
            // Labels whose values are never the publication date or the outlet; 更新时间 is
            // listed so that its 时间 is not read as a publication time.
            ("更新时间", .other), ("更新時間", .other), ("更新日期", .other), ("修改时间", .other), ("修改時間", .other),
            ("类别", .other), ("類別", .other), ("分类", .other), ("分類", .other), ("栏目", .other), ("欄目", .other),
            ("作者", .other), ("责编", .other), ("責編", .other), ("标签", .other), ("標籤", .other), ("关键词", .other),
            ("關鍵詞", .other), ("浏览次数", .other), ("浏览量", .other), ("浏览", .other), ("瀏覽", .other),
            ("阅读量", .other), ("阅读数", .other), ("阅读", .other), ("閱讀", .other), ("点击数", .other),
            ("点击量", .other), ("点击", .other), ("點擊", .other), ("查看", .other), ("人气", .other), ("人氣", .other),
            ("热度", .other), ("熱度", .other), ("访问量", .other), ("字号", .other), ("字號", .other),
            ("原标题", .other), ("原標題", .other),
        ]
        return table.map { (ScalarText.scalars($0.0), $0.1) }.sorted { $0.label.count > $1.label.count }
    }()
    /// `labels` by their first scalar: every position of every short line is tried.
    private static let labelsByFirst: [Unicode.Scalar: [(label: [Unicode.Scalar], field: Field)]] = {
        var table: [Unicode.Scalar: [(label: [Unicode.Scalar], field: Field)]] = [:]
        for entry in labels {
            if let first = entry.label.first { table[first, default: []].append(entry) }
        }
        return table
    }()
    private static let maxLineChars = 100
    /// Longest unlabelled date line.
    private static let maxDateLineChars = 50
    /// Where a label may start besides the line start and a space. A `switch`, not a `Set`:
    /// it is asked at every position of every short line.
    private static func isLabelOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "|", "｜", "丨", "(", "（", "【", "[": true
        default: false
        }
    }
    // The marks below are `switch`es rather than `Set`s for the same reason.
    private static func isValueMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ":", "：", "|", "｜", "丨": true
        default: false
        }
    }

    private static func isTokenSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "|", "｜", "丨", "(", ")", "（", "）", "【", "】", "[", "]": true
        default: false
        }
    }

    /// A date needs a digit: an ASCII one, or a zero of a Chinese-numeral year (二〇二〇年).
    private static func isDateDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "〇", "○", "零": true
        default: false
        }
    }

    /// Labels of a line that names the article's own address: "原文链接：https://…".
    private static let addressLabels: [[Unicode.Scalar]] = [
        "信息原文地址", "原文地址", "原文链接", "原文鏈接", "本文链接", "本文鏈接", "本文地址", "文章链接", "文章地址", "文章鏈接",
    ].map(ScalarText.scalars)

    /// The address a line names for the article ("原文链接：http://…/2024/0331/…"), if it is one.
    static func namedAddress(_ line: some ScalarLine) -> String? {
        guard line.count <= 300, let label = addressLabels.first(where: { ScalarText.hasPrefix(line, $0) }) else {
            return nil
        }
        var start = label.count
        while start < line.count, line[start] == " " || line[start] == ":" || line[start] == "：" { start += 1 }
        let rest = line[start...]
        let schemes = [ScalarText.scalars("http://"), ScalarText.scalars("https://")]
        guard schemes.contains(where: { ScalarText.hasPrefix(rest, $0) }) else { return nil }
        let end = rest.firstIndex(of: " ") ?? line.count
        return ScalarText.string(line[start..<end])
    }

    /// Whether `parse` reads the line (a line with a label always parses).
    static func isMetadataLine(_ line: some ScalarLine) -> Bool {
        parse(line) != nil
    }

    /// What the line states, or nil when it is not a metadata line.
    static func parse(_ line: some ScalarLine) -> MetadataLine? {
        // 。 first: a prose line has one early, and is then not scanned for its weight.
        guard !line.contains("。"), TextShape.weight(of: line, atMost: maxLineChars) else { return nil }
        let fields = fields(of: line)
        // Without a label, only a date line is metadata, and a date needs a digit.
        if fields.isEmpty, !line.contains(where: isDateDigit) {
            return nil
        }
        var result = MetadataLine()
        var covered: [Range<Int>] = []
        for (position, field) in fields.enumerated() {
            var valueEnd = position + 1 < fields.count ? fields[position + 1].labelStart : line.count
            let value = field.valueStart
            if field.field == .other {
                // A counter's or a category's value is one token; what follows is free ("作者：张三 2024-03-31").
                valueEnd = line[value..<valueEnd].firstIndex(of: " ") ?? valueEnd
            }
            covered.append(field.labelStart..<valueEnd)
            switch field.field {
            case .published, .anyDate:
                if let (date, _) = DateTextReader.date(in: line, at: value) {
                    result.dates.append((date, field.field == .published ? .published : .generic))
                }
            case .source:
                if result.sourceOutlet == nil { result.sourceOutlet = outlet(in: line, at: value, end: valueEnd) }
                if let found = DateTextReader.firstDate(in: Array(line[..<valueEnd]), from: value) {
                    result.dates.append((found.date, .source))
                }
            case .original:
                if result.originalOutlet == nil { result.originalOutlet = outlet(in: line, at: value, end: valueEnd) }
            case .other:
                break
            }
        }
        let free = freeTokens(of: line, outside: covered)
        result.dates += free.dates.map { ($0, .bare) }
        result.isPageHeader = free.hasPage
        result.bareOutlet = free.outlet
        if !fields.isEmpty { return result }
        guard !free.dates.isEmpty, TextShape.weight(of: line, atMost: maxDateLineChars),
            free.unexplained == 0 || free.hasPage, !line.contains(where: isSentencePunctuation)
        else { return nil }
        return result
    }

    /// The tokens outside the labelled fields: their bare dates, whether one is an e-paper page
    /// number (第2版), the first outlet-like name, and how many tokens are none of these (nor a
    /// time or a weekday).
    private static func freeTokens(
        of line: some ScalarLine, outside covered: [Range<Int>]
    ) -> (dates: [CivilDate], hasPage: Bool, outlet: String?, unexplained: Int) {
        var dates: [CivilDate] = []
        var hasPage = false
        var outlet: String?
        var unexplained = 0
        var index = 0
        while index < line.count {
            if let range = covered.first(where: { $0.contains(index) }) {
                index = range.upperBound
                continue
            }
            if isTokenSeparator(line[index]) {
                index += 1
                continue
            }
            if let (date, end) = DateTextReader.date(in: line, at: index) {
                dates.append(date)
                index = end
                continue
            }
            var end = index
            while end < line.count, !isTokenSeparator(line[end]),
                !covered.contains(where: { $0.contains(end) })
            {
                end += 1
            }
            let token = line[index..<end]
            if isPageNumber(token) {
                hasPage = true
            } else if OutletName.isOutletLike(token) {
                if outlet == nil { outlet = OutletName.cleaned(token) }
            } else if !isTimeOrWeekday(token), token.contains(where: ScalarText.isWordScalar) {
                unexplained += 1
            }
            index = end
        }
        return (dates, hasPage, outlet, unexplained)
    }

    /// Each label of the line with where it starts and where its value starts. A label counts
    /// at the line start, after a space, bracket or bar, or right after a leading date, and only
    /// when a colon or a bar follows (本文转自 and 发布于 may omit it).
    private static func fields(of line: some ScalarLine) -> [(field: Field, labelStart: Int, valueStart: Int)] {
        var found: [(field: Field, labelStart: Int, valueStart: Int)] = []
        let leadingDateEnd = DateTextReader.date(in: line, at: 0)?.end
        var position = 0
        while position < line.count {
            if position == 0 || line[position - 1] == " " || isLabelOpener(line[position - 1])
                || position == leadingDateEnd
            {
                if let (field, valueStart) = label(in: line, at: position) {
                    found.append((field, position, valueStart))
                    position = valueStart
                    continue
                }
            }
            position += 1
        }
        return found
    }

    private static func label(in line: some ScalarLine, at position: Int) -> (Field, Int)? {
        guard let candidates = labelsByFirst[line[position]] else { return nil }
        for (label, field) in candidates where ScalarText.hasPrefix(line[position...], label) {
            var index = position + label.count
            while index < line.count, line[index] == " " { index += 1 }
            if index < line.count, isValueMark(line[index]) {
                index += 1
                while index < line.count, line[index] == " " { index += 1 }
                return (field, index)
            }
            let bare = field == .original || label.last == "于" || label.last == "於"
            if bare, position == 0 || line[position - 1] == " ", index < line.count { return (field, index) }
        }
        return nil
    }

    /// The outlet named from `start` to the next space (before `end`), cleaned (`OutletName`).
    private static func outlet(in line: some ScalarLine, at start: Int, end limit: Int) -> String? {
        var end = start
        while end < limit, line[end] != " " { end += 1 }
        return OutletName.cleaned(line[start..<end])
    }

    /// 第2版, 第A03版, 第二版, 2版, A3版.
    private static func isPageNumber(_ token: some BidirectionalCollection<Unicode.Scalar>) -> Bool {
        var body = token[...]
        if body.first == "第" { body = body.dropFirst() }
        guard body.last == "版", body.count >= 2 else { return false }
        return body.dropLast().allSatisfy {
            ScalarText.isASCIIDigit($0) || ScalarText.isASCIILetter($0) || "〇一二三四五六七八九十".unicodeScalars.contains($0)
        }
    }

    /// 10:36, 07时54分, 星期五, 周五.
    private static func isTimeOrWeekday(_ token: some Collection<Unicode.Scalar>) -> Bool {
        if token.allSatisfy({ ScalarText.isASCIIDigit($0) || $0 == ":" }) { return token.contains(":") }
        let text = Array(token)
        if text.count == 3, text[0] == "星", text[1] == "期" { return true }
        if text.count == 2, text[0] == "周" || text[0] == "週" { return true }
        var index = 0
        var digits = 0
        while index < text.count, ScalarText.isASCIIDigit(text[index]) {
            index += 1
            digits += 1
        }
        guard digits > 0, index < text.count, text[index] == "时" || text[index] == "時" else { return false }
        return text[(index + 1)...].allSatisfy { ScalarText.isASCIIDigit($0) || $0 == "分" || $0 == "秒" }
    }

    private static func isSentencePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", ",", "；", ";", "！", "？", "!", "?", "、": return true
        default: return false
        }
    }
}
