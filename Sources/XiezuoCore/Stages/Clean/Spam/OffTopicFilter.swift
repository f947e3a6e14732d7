/// Removes off-topic sentences that content farms splice into articles, often in the middle of
/// a real sentence ("…通过地盘那些甜甜圈原本是他打算…的道具,现在全部成了武器。综合整治重构…").
///
/// The inserted sentences come from fiction (romance, astrology, luxury goods); the articles are
/// about cooperation programmes. So each *span* that starts at an off-topic word is scored:
/// every word of `offtopic_words` counts 2 (甜甜圈, 悍马, 千纸鹤, 天秤座 …), every word of
/// `offtopic_weak_words` 1 (咖啡馆, 彩虹, 信用卡 … also real in a rural-tourism story), every
/// character name of `offtopic_names` 1 when a common surname stands before it (林天秤, 张水瓶);
/// a 「…」 block counts 1 more when the article quotes with “…” elsewhere (the farm's
/// sentences bring their own quotation marks). Every word of `ontopic_words` (发展, 乡村, 项目,
/// 万元 …) found in the span counts against it. The span is removed when its off-topic score is
/// at least `offtopic_min_score` (2) and greater than its on-topic count, so one stray word
/// never removes anything, and a real sentence about a village café keeps its place.
///
/// A span is:
/// - a 「…」 or 『…』 block, when the word is inside one;
/// - otherwise from the start of the inserted sentence to its end. The end is the first
///   sentence-final mark outside quotes (or a quote block closed right after one: 「…!」), never
///   past a line break or a closing mark opened before the span. The start is looked for
///   inside the clause (back to the previous comma, stop or quotation mark): where the
///   surrounding text re-joins into a phrase of the de-spinning table across the span (平易 +
///   近), else at the first pronoun or demonstrative (他, 她, 那些 …) or at the surname of the
///   name, else at the clause start.
///
/// Nothing else moves: the text before and after the span is joined as it stands, and a
/// paragraph left empty disappears.
struct OffTopicFilter: Sendable {
    private let offTopic: ScalarTrie
    private let offTopicWeights: [Int]
    private let names: ScalarTrie
    private let onTopic: ScalarTrie
    private let minScore: Int
    /// The de-spinning table's phrases, to find where a spliced sentence began (see above).
    private let spliceWords: ScalarTrie

    init(
        strong: [[Unicode.Scalar]], weak: [[Unicode.Scalar]], names: [[Unicode.Scalar]],
        onTopic: [[Unicode.Scalar]], minScore: Int, spliceWords: ScalarTrie
    ) {
        offTopic = ScalarTrie(strong + weak)
        offTopicWeights = Array(repeating: 2, count: strong.count) + Array(repeating: 1, count: weak.count)
        self.names = ScalarTrie(names)
        self.onTopic = ScalarTrie(onTopic)
        self.minScore = minScore
        self.spliceWords = spliceWords
    }

    /// `text` without its off-topic spans, or nil when nothing is removed. `article` is the
    /// article's text (`text` itself, or the article a title belongs to): when it quotes with
    /// “…”, a 「…」 block is suspect. It is only looked at when a 「…」 block is scored.
    /// With `keepingEmptyParagraphs`, a paragraph removed whole stays as an empty line, so that
    /// the caller can tell which paragraphs remain (`ArticleRepair` keeps their source lines).
    func filtered(
        _ text: [Unicode.Scalar], quotesFrom article: [Unicode.Scalar], keepingEmptyParagraphs: Bool = false
    ) -> [Unicode.Scalar]? {
        guard minScore > 0 else { return nil }
        var mixedQuotesFound: Bool?
        func mixedQuotes() -> Bool {
            if let mixedQuotesFound { return mixedQuotesFound }
            let found = article.contains("“")
            mixedQuotesFound = found
            return found
        }
        var output: [Unicode.Scalar] = []
        var copied = 0
        var index = 0
        let count = text.count
        while index < count {
            // Almost no position starts a word of either list: skip to the next that may.
            index = offTopic.nextCandidate(in: text, from: index, or: names)
            guard index < count, let hit = hit(in: text, at: index) else {
                index += 1
                continue
            }
            if let span = span(around: hit, in: text, after: copied, mixedQuotes: mixedQuotes) {
                output += text[copied..<span.lowerBound]
                copied = span.upperBound
                index = span.upperBound
            } else {
                index = hit.range.upperBound
            }
        }
        guard copied > 0 else { return nil }
        output += text[copied...]
        return keepingEmptyParagraphs ? output : EmptyParagraphs.removed(from: output).text
    }

    /// An off-topic word starting at `index`: its range, weight and whether it is a name.
    private func hit(in text: [Unicode.Scalar], at index: Int) -> (range: Range<Int>, weight: Int, isName: Bool)? {
        let scalar = text[index]
        if offTopic.mayStart(scalar), let match = offTopic.longestMatch(in: text, at: index) {
            return (index..<index + match.length, offTopicWeights[match.word], false)
        }
        if index > 0, names.mayStart(scalar), let match = names.longestMatch(in: text, at: index),
            Self.isSurname(text[index - 1])
        {
            return (index..<index + match.length, 1, true)
        }
        return nil
    }

    /// The span to remove for `hit`, or nil when the span is not clearly off-topic.
    private func span(
        around hit: (range: Range<Int>, weight: Int, isName: Bool), in text: [Unicode.Scalar], after bound: Int,
        mixedQuotes: () -> Bool
    ) -> Range<Int>? {
        if let block = quoteBlock(around: hit.range.lowerBound, in: text, after: bound) {
            return isOffTopic(block, in: text, bonus: mixedQuotes() ? 1 : 0) ? block : nil
        }
        let end = sentenceEnd(from: hit.range.upperBound, in: text)
        let start = sentenceStart(of: hit, end: end, in: text, after: bound)
        let span = start..<end
        return isOffTopic(span, in: text, bonus: 0) ? span : nil
    }

    private func isOffTopic(_ span: Range<Int>, in text: [Unicode.Scalar], bonus: Int) -> Bool {
        var off = bonus
        var on = 0
        var index = span.lowerBound
        while index < span.upperBound {
            if let hit = hit(in: text, at: index), hit.range.upperBound <= span.upperBound {
                off += hit.weight
                index = hit.range.upperBound
            } else if let match = onTopic.longestMatch(in: text, at: index, end: span.upperBound) {
                on += 1
                index += match.length
            } else {
                index += 1
            }
        }
        return off >= minScore && off > on
    }

    /// The 「…」 or 『…』 block holding `index`, on its line and after `bound`.
    private func quoteBlock(around index: Int, in text: [Unicode.Scalar], after bound: Int) -> Range<Int>? {
        var depth = 0
        var open: Int?
        var position = index - 1
        while position >= bound, text[position] != "\n" {
            let scalar = text[position]
            if scalar == "」" || scalar == "』" {
                depth += 1
            } else if scalar == "「" || scalar == "『" {
                if depth == 0 {
                    open = position
                    break
                }
                depth -= 1
            }
            position -= 1
        }
        guard let open else { return nil }
        depth = 0
        position = index
        while position < text.count, text[position] != "\n" {
            let scalar = text[position]
            if scalar == "「" || scalar == "『" {
                depth += 1
            } else if scalar == "」" || scalar == "』" {
                if depth == 0 { return open..<position + 1 }
                depth -= 1
            }
            position += 1
        }
        return nil
    }

    /// Where the sentence holding `index` ends (exclusive): after its final mark at quote depth
    /// 0, after a quote block it opened that closes right after a final mark (「…!」), or before
    /// a line break or a closing mark it did not open.
    private func sentenceEnd(from index: Int, in text: [Unicode.Scalar]) -> Int {
        var depth = 0
        var position = index
        let count = text.count
        while position < count {
            let scalar = text[position]
            if scalar == "\n" { return position }
            if Self.isOpener(scalar) {
                depth += 1
            } else if Self.isCloser(scalar) {
                if depth == 0 { return position }
                depth -= 1
                if depth == 0, isFinal(at: position - 1, in: text) { return position + 1 }
            } else if depth == 0, isFinal(at: position, in: text) {
                position += 1
                while position < count, isFinal(at: position, in: text) { position += 1 }
                return position
            }
            position += 1
        }
        return count
    }

    /// Where the inserted sentence holding `hit` starts (see the type's documentation).
    private func sentenceStart(
        of hit: (range: Range<Int>, weight: Int, isName: Bool), end: Int, in text: [Unicode.Scalar], after bound: Int
    ) -> Int {
        let wordStart = hit.range.lowerBound
        var clauseStart = wordStart
        while clauseStart > bound, !Self.isClauseBoundary(text[clauseStart - 1]) { clauseStart -= 1 }
        if let splice = spliceStart(from: clauseStart, to: wordStart, end: end, in: text) { return splice }
        var position = clauseStart
        while position < wordStart {
            if Self.openers.mayStart(text[position]), Self.openers.longestMatch(in: text, at: position) != nil {
                return position
            }
            position += 1
        }
        if hit.isName, wordStart - 1 >= clauseStart { return wordStart - 1 }
        return clauseStart
    }

    /// The first position `start` in the clause where the text before it and the text after
    /// `end` form a phrase of the de-spinning table (at least two scalars before, one after):
    /// the farm inserted the sentence inside a spun word (推动平易|地面上的…|近生改良).
    private func spliceStart(from clauseStart: Int, to wordStart: Int, end: Int, in text: [Unicode.Scalar]) -> Int? {
        guard spliceWords.maxWordLength >= 3, wordStart - clauseStart >= 2 else { return nil }
        for start in (clauseStart + 2)...wordStart {
            let longestBefore = min(start - clauseStart, spliceWords.maxWordLength - 1)
            guard longestBefore >= 2 else { continue }
            for before in 2...longestBefore where joinsIntoWord(text, before: (start - before)..<start, after: end) {
                return start
            }
        }
        return nil
    }

    private func joinsIntoWord(_ text: [Unicode.Scalar], before: Range<Int>, after end: Int) -> Bool {
        var node = ScalarTrie.root
        for index in before {
            guard let next = spliceWords.child(of: node, text[index]) else { return false }
            node = next
        }
        var index = end
        while index < text.count, index - end < spliceWords.maxWordLength,
            let next = spliceWords.child(of: node, text[index])
        {
            node = next
            index += 1
            if spliceWords.word(endingAt: node) != nil { return true }
        }
        return false
    }

    /// A sentence-final mark; a full stop between digits is a decimal point (4.8公里).
    private func isFinal(at index: Int, in text: [Unicode.Scalar]) -> Bool {
        guard index >= 0 else { return false }
        switch text[index] {
        case "。", "！", "？", "!", "?", "；", ";", "…": return true
        case ".": return !(index + 1 < text.count && ScalarText.isASCIIDigit(text[index + 1]))
        default: return false
        }
    }

    private static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "“", "‘", "「", "『", "（", "(", "《", "【": return true
        default: return false
        }
    }

    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "”", "’", "」", "』", "）", ")", "》", "】": return true
        default: return false
        }
    }

    /// Marks a spliced sentence cannot start before: punctuation, quotation marks, brackets.
    private static func isClauseBoundary(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", ",", "、", "；", ";", "：", ":", "。", "！", "？", "!", "?", "…", "\n", "—": return true
        default: return isOpener(scalar) || isCloser(scalar)
        }
    }

    /// Words a fiction sentence typically starts with: pronouns and demonstratives.
    private static let openers = ScalarTrie(
        ["他们", "她们", "他", "她", "它", "我", "你", "那些", "这些", "那个", "这个", "那张", "这张", "那位", "这位"].map {
            ScalarText.scalars($0)
        }
    )

    /// Common single-character surnames: a name of `offtopic_names` counts only after one.
    private static func isSurname(_ scalar: Unicode.Scalar) -> Bool {
        surnames.contains(scalar)
    }

    private static let surnames = Set(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤牛"
            .unicodeScalars
    )
}
