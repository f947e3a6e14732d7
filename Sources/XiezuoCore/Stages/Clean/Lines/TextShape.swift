/// What the punctuation of a line says about its role. These predicates are the whole of
/// clean's "grammar": a paragraph ends in sentence-final punctuation, a headline does not and
/// is short, a broken paragraph ends mid-phrase.
///
/// The character classes are `switch`es rather than `Set`s: they run on every line, and
/// hashing a scalar costs more than the comparison.
enum TextShape {
    /// Sentence-final punctuation (checked after closing quotes and brackets are skipped).
    static func isTerminal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "!", "?", "；", ";", "…", ".": return true
        default: return false
        }
    }

    /// Closing quotes and brackets that may follow the final punctuation: `……。”`.
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "”", "’", "\"", "'", "」", "』", "）", ")", "】", "]", "》", "〉": return true
        default: return false
        }
    }

    /// A line ending in one of these is certainly continued by the next: comma-like marks,
    /// opening brackets, and prepositions, conjunctions and particles that cannot end a
    /// sentence or a headline ("…黄埔区充分利用东西部协作资金在").
    static func isContinuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", ",", "、", "：", ":", "—", "-", "(", "（", "“", "‘", "《", "「", "『", "【", "·": return true
        case "的", "在", "和", "与", "與", "及", "把", "将", "將", "对", "對", "向", "从", "從", "被", "让", "讓", "给",
            "給", "于", "於", "并", "並", "而", "或", "是", "即", "由":
            return true
        default: return false
        }
    }

    /// A paragraph cannot start with these: it is the tail of the previous one.
    static func isNonStarter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", ",", "、", "。", "．", "：", ":", "；", ";", "！", "？", "!", "?", "）", ")", "”", "’", "」", "』", "》",
            "】":
            return true
        default: return false
        }
    }

    /// Ends a sentence: the last scalar before any closing quotes is sentence-final. A
    /// headline ending in a quoted phrase (撑起校园“防护伞”) is therefore not terminated.
    static func isTerminated(_ text: some ScalarLine) -> Bool {
        guard let last = lastNonCloser(text) else { return false }
        return isTerminal(last)
    }

    static func endsWithContinuation(_ text: some ScalarLine) -> Bool {
        guard let last = text.last else { return false }
        return isContinuation(last)
    }

    static func startsWithNonStarter(_ text: some ScalarLine) -> Bool {
        guard let first = text.first else { return false }
        return isNonStarter(first)
    }

    /// Could be a headline, subhead or deck: short, no full stop or semicolon inside, and not
    /// ending the way a sentence or a broken phrase ends. (！ and ？ may end a headline.)
    static func isHeadingShaped(_ text: some ScalarLine, maxChars: Int) -> Bool {
        guard !text.isEmpty, text.count <= 2 * maxChars, weight(of: text, atMost: maxChars),
            !endsWithContinuation(text), !startsWithNonStarter(text)
        else { return false }
        for scalar in text where scalar == "。" || scalar == "；" || scalar == ";" { return false }
        guard let last = lastNonCloser(text) else { return true }
        return last != "." && last != "…"
    }

    /// Only letters, digits and spaces, and short: a section tag such as 粤黔协作.
    static func isTagShaped(_ text: some ScalarLine, maxChars: Int) -> Bool {
        guard !text.isEmpty, text.count <= 2 * maxChars, weight(of: text, atMost: maxChars) else { return false }
        return text.allSatisfy { $0 == " " || ScalarText.isWordScalar($0) }
    }

    /// Starts like an item of a numbered outline (一、 (二) 3. 4、), which is always a
    /// subhead when it is heading-shaped, never the start of a broken sentence.
    static func startsWithEnumerator(_ text: some ScalarLine) -> Bool {
        var index = 0
        let open = !text.isEmpty && (text[0] == "(" || text[0] == "（")
        if open { index = 1 }
        let digitsStart = index
        while index < text.count, isNumeral(text[index]) { index += 1 }
        guard index > digitsStart, index - digitsStart <= 3, index < text.count else { return false }
        let mark = text[index]
        return open ? (mark == ")" || mark == "）") : (mark == "、" || mark == "." || mark == "．")
    }

    /// Scalars other than spaces and line feeds: what `removedChars` counts.
    static func weight(_ text: some Sequence<Unicode.Scalar>) -> Int {
        var count = 0
        for scalar in text where scalar != " " && scalar != "\n" { count += 1 }
        return count
    }

    /// `weight(text) <= limit`, decided without scanning past the first `limit + 1` counted
    /// scalars: the short-line rules ask it of every line, most of which are long prose.
    static func weight(of text: some Collection<Unicode.Scalar>, atMost limit: Int) -> Bool {
        // A line is never heavier than it is long: a short one needs no scan.
        guard text.count > limit else { return true }
        var count = 0
        for scalar in text where scalar != " " && scalar != "\n" {
            count += 1
            if count > limit { return false }
        }
        return true
    }

    private static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": return true
        default: return false
        }
    }

    private static func lastNonCloser(_ text: some ScalarLine) -> Unicode.Scalar? {
        var index = text.count - 1
        while index >= 0, isCloser(text[index]) { index -= 1 }
        return index >= 0 ? text[index] : nil
    }
}
