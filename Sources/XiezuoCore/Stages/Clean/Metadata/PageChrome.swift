/// Site chrome that a page's text carries around its articles, told by shape and by the few
/// words every site's chrome is made of, never by a site's name:
/// - breadcrumbs: short parts joined by `>`, `>>`, `»`, `›`, `→` (`首页 > 新闻 > 正文`,
///   `人民网 >> 黑龙江频道`), a `当前位置：` line, a link arrow (`查看原文 >`, `更多>>`);
/// - menu bars: three or more short parts between bars (`湖南|湖北|江西`, `评论 | 收藏 | 打印`),
///   or a run of menu words opened by 首页 (`首页新闻中心政务公开互动交流联系我们`);
/// - interface labels: lines made of the words of buttons and icons (`icon 搜索本站`,
///   `站内搜索： 加入收藏 | 设为首页`, `无障碍浏览 繁體 English`, `【字体：大 中 小】`);
/// - word lists: a search box's hot words or a tag cloud, under a label (`热门搜索：乡村振兴
///   东西部协作 …`, `标签：…`) or as five or more short words in a row;
/// - contact blocks: `电话：`, `QQ：`, `Email:`, `地址：` lines;
/// - a "today is" date bar (`今天是2024年11月20日 星期三`);
/// - markup that was never parsed: an XML declaration (`<?xml version="1.0"?>`), a doctype, a tag.
///
/// None of these is ever a headline, and none holds article text.
enum PageChrome {
    /// Longest part of a breadcrumb or a menu bar.
    private static let maxCrumbChars = 16
    private static let maxMenuItemChars = 8
    private static let maxInterfaceChars = 30
    /// Scalars an interface word may carry around it in one token (站内搜索, 搜索文档, 小字号).
    private static let maxInterfaceExtra = 2

    private static let locationLabels = words("当前位置", "您的位置", "你的位置", "您现在的位置", "所在位置", "当前位置", "目前位置")
    private static let contactLabels = words(
        "电话", "電話", "联系电话", "聯繫電話", "服务热线", "服務熱線", "热线", "熱線", "手机", "手機", "传真", "傳真", "邮箱",
        "郵箱", "电子邮箱", "电子邮件", "邮编", "郵編", "email", "e-mail", "qq", "微信号", "地址", "客服")
    /// First scalars of `contactLabels`, either case: most lines are ruled out by their first.
    private static let contactInitials = MarkSet(
        contactLabels.compactMap(\.first).flatMap { first in
            [first, ("a"..."z").contains(first) ? Unicode.Scalar(first.value - 32) ?? first : first]
        })
    private static let interfaceWords = words(
        "搜索", "检索", "登录", "登錄", "注册", "註冊", "首页", "首頁", "主页", "收藏", "分享", "打印", "关闭", "關閉", "返回",
        "顶部", "字号", "字號", "字体", "字體", "举报", "舉報", "评论", "評論", "菜单", "菜單", "导航", "導航", "繁體", "繁体",
        "简体", "簡體", "english", "icon", "logo", "menu", "search", "login", "无障碍", "無障礙", "移动版", "手机版", "手機版",
        "二维码", "扫一扫", "订阅", "訂閱", "点赞", "微信", "微博", "qq空间", "朋友圈", "纠错", "糾錯", "设为", "加入", "窗口",
        "下载", "下載", "app")
    /// Labels of a list of words: a search box's hot words, a tag cloud.
    private static let listLabels = words(
        "热门搜索", "熱門搜索", "热搜", "熱搜", "热词", "熱詞", "搜索热词", "热门关键词", "热门标签", "热门话题", "大家都在搜",
        "标签", "標籤", "关键词", "關鍵詞", "关键字", "tags", "tag")
    private static let maxInterfaceWordChars = interfaceWords.map(\.count).max() ?? 0
    private static let menuOpeners = words("首页", "首頁", "网站首页", "主页")
    private static let todayWords = words("今天是", "今日是", "今天", "今日")

    /// The chrome kind of `line`, or nil when it is not chrome.
    static func kind(of line: some ScalarLine) -> LineKind? {
        guard let first = line.first else { return nil }
        if first == "<", isMarkup(line) { return .boilerplate }
        if isContact(line) || isTodayBar(line) { return .boilerplate }
        // The rest is short and holds no sentence: prose stops here after one scan.
        guard line.count <= 200, !line.contains(where: isSentenceMark) else { return nil }
        if isBreadcrumb(line) || isMenu(line) || isInterface(line) || isWordList(line) { return .navigation }
        return nil
    }

    /// Hot words and tags: a label such as 热门搜索, 热词, 标签 or Tags followed by words, or at
    /// least five short words (two to six scalars) in a row with nothing else.
    private static func isWordList(_ line: some ScalarLine) -> Bool {
        let lower = lowercased(line[..<min(line.count, 12)])
        for label in listLabels where ScalarText.hasPrefix(lower, label) {
            var index = label.count
            while index < lower.count, lower[index] == " " { index += 1 }
            if index < lower.count, lower[index] == ":" || lower[index] == "：" { return true }
        }
        guard line.count <= 60, line.count(where: { $0 == " " }) >= 4 else { return false }
        let words = parts(of: line, at: isListSeparator).filter { !$0.isEmpty }
        return words.count >= 5
            && words.allSatisfy { (2...6).contains($0.count) && $0.allSatisfy(ScalarText.isWordScalar) }
    }

    /// `<?xml version="1.0"?>`, `<!DOCTYPE html>`, `<br/>`: markup with no Chinese in it.
    private static func isMarkup(_ line: some ScalarLine) -> Bool {
        line.contains(">") && !line.contains(where: ScalarText.isHan)
    }

    private static func isContact(_ line: some ScalarLine) -> Bool {
        var start = 0
        while start < line.count, line[start] == "(" || line[start] == "（" || line[start] == "【" { start += 1 }
        guard start < line.count, contactInitials.contains(line[start]) else { return false }
        // Labels are a few scalars long: only the line's opening is read (and lowercased).
        let rest = lowercased(line[start..<min(line.count, start + 12)])
        for label in contactLabels where ScalarText.hasPrefix(rest, label) {
            var index = label.count
            while index < rest.count, rest[index] == " " { index += 1 }
            if index < rest.count, rest[index] == ":" || rest[index] == "：" { return true }
        }
        return false
    }

    private static func isTodayBar(_ line: some ScalarLine) -> Bool {
        guard line.count <= 2 * maxInterfaceChars, TextShape.weight(of: line, atMost: maxInterfaceChars) else {
            return false
        }
        for word in todayWords {
            guard let at = ScalarText.firstIndex(of: word, in: line[...]) else { continue }
            var index = at + word.count
            while index < line.count, line[index] == " " || line[index] == ":" || line[index] == "：" { index += 1 }
            if DateTextReader.date(in: line, at: index) != nil { return true }
        }
        return false
    }

    private static func isBreadcrumb(_ line: some ScalarLine) -> Bool {
        for label in locationLabels where ScalarText.hasPrefix(line, label) {
            let next = label.count < line.count ? line[label.count] : " "
            if next == ":" || next == "：" || next == " " { return true }
        }
        // Parts between the marks, and whether every mark stands apart (spaced or doubled).
        var parts: [Int] = [0]
        var marks = 0
        var softMarks = 0
        var standsApart = true
        var index = 0
        while index < line.count {
            // "/" and "-" join crumbs only when spaced: 首页 / 新闻 / 正文 (never 文/ 记者, 2023-2024).
            let spacedJoin =
                (line[index] == "/" || line[index] == "-") && index > 0 && line[index - 1] == " "
                && index + 1 < line.count && line[index + 1] == " "
            if spacedJoin {
                softMarks += 1
                marks += 1
                parts.append(0)
                index += 1
                continue
            }
            guard isCrumbMark(line[index]) else {
                if line[index] != " " { parts[parts.count - 1] += 1 }
                index += 1
                continue
            }
            var end = index
            while end < line.count, isCrumbMark(line[end]) { end += 1 }
            let spaced =
                (index == 0 || line[index - 1] == " ") && (end == line.count || line[end] == " ")
            if !(spaced || end - index >= 2 || line[index] != ">") { standsApart = false }
            marks += 1
            parts.append(0)
            index = end
        }
        guard marks > 0 else { return false }
        // A link arrow closing a short line: 查看原文 >, 更多>>.
        if marks == 1, parts.last == 0, let only = parts.first, (1...12).contains(only) { return true }
        let named = parts.filter { $0 > 0 }
        // The last crumb may be the article's own (long) title: 首页 > 新闻 > 标题.
        guard named.count >= 2, named.dropLast().allSatisfy({ $0 <= maxCrumbChars }) else { return false }
        if marks >= 2 { return true }
        return standsApart && softMarks == 0 && (named.last ?? 0) <= maxCrumbChars
    }

    private static func isMenu(_ line: some ScalarLine) -> Bool {
        if line.count(where: isBarMark) >= 2 {
            let items = parts(of: line, at: isBarMark).map { TextShape.weight($0) }.filter { $0 > 0 }
            if items.count >= 3, items.allSatisfy({ (1...maxMenuItemChars).contains($0) }) { return true }
        }
        guard TextShape.weight(of: line, atMost: 40), !line.contains(" ") else { return false }
        return menuOpeners.contains { ScalarText.hasPrefix(line, $0) && line.count > $0.count + 2 }
            && line.allSatisfy { ScalarText.isWordScalar($0) }
    }

    /// Every token is an interface word (with at most two scalars around it) or a one- or
    /// two-scalar option (大 中 小), and at least half are interface words unless the others
    /// are single scalars.
    private static func isInterface(_ line: some ScalarLine) -> Bool {
        guard line.count <= 2 * maxInterfaceChars, TextShape.weight(of: line, atMost: maxInterfaceChars) else {
            return false
        }
        let tokens = parts(of: line, at: isInterfaceSeparator).filter { !$0.isEmpty }
        // A token longer than any interface word with its extras is neither a word nor an
        // option: most lines end here, before any word is looked up.
        guard !tokens.isEmpty, tokens.allSatisfy({ $0.count <= maxInterfaceWordChars + maxInterfaceExtra }) else {
            return false
        }
        var interface = 0
        for token in tokens {
            if isInterfaceWord(token) {
                interface += 1
            } else if token.count > 2 {
                return false
            }
        }
        let options = tokens.count - interface
        return interface > 0 && (interface >= options || tokens.allSatisfy { $0.count == 1 || isInterfaceWord($0) })
    }

    private static func isInterfaceWord(_ token: some Collection<Unicode.Scalar>) -> Bool {
        guard token.count <= maxInterfaceWordChars + maxInterfaceExtra else { return false }
        let lower = lowercased(token)
        return interfaceWords.contains {
            lower.count - $0.count <= maxInterfaceExtra && ScalarText.firstIndex(of: $0, in: lower[...]) != nil
        }
    }

    /// The parts of `line` between separators, without the spaces around them.
    private static func parts<Line: ScalarLine>(
        of line: Line, at isSeparator: (Unicode.Scalar) -> Bool
    ) -> [Line.SubSequence] {
        var parts: [Line.SubSequence] = []
        var start = 0
        for index in 0...line.count where index == line.count || isSeparator(line[index]) {
            var part = line[start..<index]
            while part.first == " " { part = part.dropFirst() }
            while part.last == " " { part = part.dropLast() }
            parts.append(part)
            start = index + 1
        }
        return parts
    }

    // The marks and separators are `switch`es rather than `Set`s: they are asked of every
    // scalar of the short lines, and hashing a scalar costs more than the comparisons.
    private static func isCrumbMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ">", "＞", "»", "›", "→", "﹥", "〉": true
        default: false
        }
    }

    private static func isBarMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "|", "｜", "丨": true
        default: false
        }
    }

    private static func isInterfaceSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "|", "｜", "丨", ":", "：", "【", "】", "[", "]", "(", ")", "（", "）": true
        default: false
        }
    }

    private static func isListSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "|", "｜", "丨", "、": true
        default: false
        }
    }

    private static func isSentenceMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "，", ",", "；", ";", "！", "？", "?", "、": return true
        default: return false
        }
    }

    private static func lowercased(_ text: some Collection<Unicode.Scalar>) -> [Unicode.Scalar] {
        text.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32) ?? $0 : $0 }
    }

    private static func words(_ list: String...) -> [[Unicode.Scalar]] {
        list.map(ScalarText.scalars)
    }
}
