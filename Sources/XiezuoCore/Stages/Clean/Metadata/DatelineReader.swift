/// Reads the dateline that opens a newspaper article — "新快报讯 记者朱清海报道 教育无小事…",
/// "本报讯（记者 张三）…", "新华社广州2月5日电（记者 李四）…" — so that clean can strip it from
/// the paragraph and take the outlet from it.
enum DatelineReader {
    struct Match: Sendable, Equatable {
        /// 新快报讯 → 新快报; `nil` for 本报讯, whose outlet the page must state elsewhere.
        var outlet: String?
        /// Scalars to strip from the start of the paragraph.
        var length: Int
    }

    /// Longest outlet-and-place prefix before 讯 or 电.
    private static let maxPrefix = 16
    /// Words that end in 讯 without being a dateline: 通讯, 资讯, 喜讯, 快讯, 简讯, 电讯 …
    private static let notOutletEndings: Set<Unicode.Scalar> = [
        "通", "资", "資", "喜", "快", "简", "簡", "短", "音", "电", "電", "闻", "聞", "警",
    ]
    private static let reporterWords: [[Unicode.Scalar]] = [
        ["记", "者"], ["記", "者"], ["通", "讯", "员"], ["通", "訊", "員"], ["见", "习", "记", "者"], ["本", "报", "记", "者"],
    ]
    private static let reported: [[Unicode.Scalar]] = [["报", "道"], ["報", "導"], ["報", "道"]]
    private static let openers: [Unicode.Scalar: Unicode.Scalar] = ["(": ")", "（": "）", "【": "】", "[": "]"]

    static func read(_ text: some ScalarLine) -> Match? {
        if let match = agencyDateline(text) { return match }
        // 记者朱清海报道 … without an outlet.
        if startsWithReporter(text, at: 0), let end = reporterEnd(text, from: 0, tokens: false), end < text.count,
            text[end] == " "
        {
            return Match(outlet: nil, length: skipSeparators(text, from: end))
        }
        return nil
    }

    /// "XX讯" and "XX…日电" datelines.
    private static func agencyDateline(_ text: some ScalarLine) -> Match? {
        var index = 0
        while index < min(text.count, maxPrefix + 1), ScalarText.isWordScalar(text[index]) {
            let scalar = text[index]
            if scalar == "讯" || scalar == "訊", index >= 2 {
                return newspaperDateline(text, mark: index)
            }
            if scalar == "电" || scalar == "電", index >= 4, text[index - 1] == "日" {
                return wireDateline(text, mark: index)
            }
            index += 1
        }
        return nil
    }

    private static func newspaperDateline(_ text: some ScalarLine, mark: Int) -> Match? {
        let prefix = Array(text[..<mark])
        guard let last = prefix.last, !notOutletEndings.contains(last), mark + 1 < text.count else { return nil }
        let local = prefix == ["本", "报"] || prefix == ["本", "報"]
        let next = text[mark + 1]
        guard local || next == " " || openers[next] != nil || startsWithReporter(text, at: mark + 1) else {
            return nil
        }
        return finish(text, after: mark + 1, outlet: local ? nil : ScalarText.string(prefix))
    }

    /// 新华社广州2月5日电: the outlet is the name up to 社, 网 or 报, before the place and date.
    private static func wireDateline(_ text: some ScalarLine, mark: Int) -> Match? {
        guard text[..<mark].contains("月") else { return nil }
        var outlet: String?
        for (index, scalar) in text[..<mark].enumerated() {
            if ScalarText.isASCIIDigit(scalar) { break }
            if index >= 1, ["社", "网", "網", "报", "報"].contains(scalar) {
                outlet = ScalarText.string(text[...index])
                break
            }
        }
        return finish(text, after: mark + 1, outlet: outlet)
    }

    /// Skips the reporters after the mark — "(记者 张三)" or "记者方轶 通讯员陈胜刚 兰洋报道" — and
    /// the separators before the prose.
    private static func finish(_ text: some ScalarLine, after start: Int, outlet: String?) -> Match? {
        var index = start
        while index < text.count, text[index] == " " { index += 1 }
        if index < text.count, let close = openers[text[index]] {
            if let end = text[index...].prefix(40).firstIndex(of: close) { index = end + 1 }
        } else if startsWithReporter(text, at: index), let end = reporterEnd(text, from: index, tokens: true) {
            index = end
        }
        let length = skipSeparators(text, from: index)
        return length < text.count ? Match(outlet: outlet, length: length) : nil
    }

    /// The end of "记者…报道" when 报道 comes before any punctuation; otherwise, if
    /// `tokens` allows it, the end of the reporter tokens ("记者朱清海 通讯员李四 近日…" ends
    /// before 近日, the first token that is not a name).
    private static func reporterEnd(_ text: some ScalarLine, from start: Int, tokens: Bool) -> Int? {
        var index = start
        while index < min(text.count, start + 50), text[index] == " " || ScalarText.isHan(text[index]) {
            for word in reported where ScalarText.hasPrefix(text[index...], word) { return index + word.count }
            index += 1
        }
        guard tokens else { return nil }
        index = start
        var expectName = false
        while index < text.count {
            var end = index
            while end < text.count, text[end] != " " { end += 1 }
            let token = Array(text[index..<end])
            let allHan = token.allSatisfy { ScalarText.isHan($0) }
            if startsWithReporter(token, at: 0), allHan, token.count <= 8 {
                expectName = true
            } else if !(expectName && allHan && token.count <= 4) {
                break
            }
            index = end
            while index < text.count, text[index] == " " { index += 1 }
        }
        return index > start ? index : nil
    }

    private static func startsWithReporter(_ text: some ScalarLine, at index: Int) -> Bool {
        index < text.count && reporterWords.contains { ScalarText.hasPrefix(text[index...], $0) }
    }

    private static func skipSeparators(_ text: some ScalarLine, from start: Int) -> Int {
        var index = start
        while index < text.count, [" ", ":", "：", ",", "，"].contains(text[index]) { index += 1 }
        return index
    }
}
