/// Recognises byline lines — "■采写:新快报记者 曾贵真 ■摄影:新快报记者 郭思杰",
/// "●南方日报记者 张子俊", "(執筆 | 何平易近捷 常妍 吳文迪)" — and reads the outlet some of
/// them name.
///
/// A byline is a short run of short tokens (labels, names, outlets) whose first token holds
/// a byline word with at most a few scalars around it. That rules out prose that merely
/// starts with 记者 ("记者从龙里县获悉…"), whose first token is long.
struct BylineReader: Sendable {
    var words: [[Unicode.Scalar]]
    var marks: MarkSet
    var maxChars: Int

    /// Longest token in a byline: an outlet plus 记者 (南方日报记者) or a name.
    private static let maxToken = 10
    /// Scalars allowed before a byline word inside a token (the outlet: 南方日报).
    private static let maxLead = 6
    /// Scalars allowed after a byline word inside a token (a name: 记者朱清海).
    private static let maxTail = 4
    private static let outletEndings: Set<Unicode.Scalar> = ["报", "報", "社", "网", "網", "台", "刊"]

    func isByline(_ line: some ScalarLine) -> Bool {
        // Most lines are prose, far longer than a byline: measured in place before anything is copied.
        let bounds = strippedBounds(line)
        guard !bounds.isEmpty, TextShape.weight(of: line[bounds], atMost: maxChars) else { return false }
        let body = line[bounds]
        guard !body.contains("。") else { return false }
        // The tokens as ranges, in one pass without copying them: the first, how many, the longest.
        var first: Range<Int>?
        var tokenCount = 0
        var longest = 0
        var tokenStart = body.startIndex
        for index in body.startIndex...body.endIndex {
            guard index == body.endIndex || isTokenBreak(body[index]) else { continue }
            if index > tokenStart {
                if first == nil { first = tokenStart..<index }
                tokenCount += 1
                longest = max(longest, index - tokenStart)
            }
            tokenStart = index + 1
        }
        guard let first, longest <= Self.maxToken else { return false }
        let token = line[first]
        guard wordPosition(in: token) != nil || (tokenCount >= 2 && isBareLabel(token)) else { return false }
        return !TextShape.isTerminated(Array(body))
    }

    /// The outlet a byline names: 新快报记者 → 新快报. `nil` for 本报 and unnamed bylines.
    func outlet(of line: some ScalarLine) -> String? {
        let reporterWords: [[Unicode.Scalar]] = [["记", "者"], ["記", "者"], ["通", "讯", "员"], ["通", "訊", "員"]]
        for token in tokens(of: stripped(line)) {
            for word in reporterWords {
                guard let position = ScalarText.firstIndex(of: word, in: token[...]), position >= 2,
                    let last = token.prefix(position).last, Self.outletEndings.contains(last)
                else { continue }
                let name = Array(token.prefix(position))
                if name == ["本", "报"] || name == ["本", "報"] { return nil }
                return ScalarText.string(name)
            }
        }
        return nil
    }

    /// Without leading marks and brackets and a closing bracket: `(執筆 | …)` reads as `執筆 | …`.
    private func stripped(_ line: some ScalarLine) -> [Unicode.Scalar] {
        Array(line[strippedBounds(line)])
    }

    private func strippedBounds(_ line: some ScalarLine) -> Range<Int> {
        var start = 0
        while start < line.count, Self.isOpener(line[start]) || marks.contains(line[start]) { start += 1 }
        var end = line.count
        while end > start, Self.isCloser(line[end - 1]) { end -= 1 }
        return start..<end
    }

    /// Brackets and spaces around a byline; `switch`es, as they are asked of every line.
    private static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "(", "（", "【", "[", " ": true
        default: false
        }
    }

    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ")", "）", "】", "]", " ": true
        default: false
        }
    }

    private func tokens(of body: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var tokens: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in body {
            if isTokenBreak(scalar) {
                if !current.isEmpty { tokens.append(current) }
                current = []
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// Ends a token: a separator, or a mark that is not a Han character.
    private func isTokenBreak(_ scalar: Unicode.Scalar) -> Bool {
        Self.isSeparator(scalar) || (!ScalarText.isHan(scalar) && marks.contains(scalar))
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", ":", "：", "|", "｜", "丨", "，", ",", "、": return true
        default: return false
        }
    }

    /// 文 and 图 written with a bar or a colon instead of the slash of 文/ and 图/ ("文 | 记者 …").
    private func isBareLabel(_ token: some Collection<Unicode.Scalar>) -> Bool {
        words.contains { $0.count >= 2 && $0.last == "/" && $0.dropLast().elementsEqual(token) }
    }

    /// Where a byline word starts in `token`, counted from the token's start.
    private func wordPosition<Token: RandomAccessCollection<Unicode.Scalar>>(in token: Token) -> Int?
    where Token.Index == Int {
        for word in words {
            guard let found = ScalarText.firstIndex(of: word, in: token) else { continue }
            let position = found - token.startIndex
            if position <= Self.maxLead, token.count - position - word.count <= Self.maxTail { return position }
        }
        return nil
    }
}
