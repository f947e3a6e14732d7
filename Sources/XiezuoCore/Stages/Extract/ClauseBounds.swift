/// Clause boundaries inside a sentence: commas, colons and the like. The enumeration comma
/// 、 does not end a clause (it separates items of one list).
enum ClauseBounds {
    static let delimiters: Set<Unicode.Scalar> = ["，", ",", "：", ":", "；", ";", "。", "！", "？", "（", "(", "）", ")", "“", "”"]

    /// Start of the clause holding `position`, not before `floor`.
    static func start(before position: Int, in text: [Unicode.Scalar], floor: Int) -> Int {
        var index = position
        while index > floor, !delimiters.contains(text[index - 1]) { index -= 1 }
        return index
    }

    /// End of the clause that holds `position`, not after `ceiling`.
    static func end(after position: Int, in text: [Unicode.Scalar], ceiling: Int) -> Int {
        var index = position
        while index < ceiling, !delimiters.contains(text[index]) { index += 1 }
        return index
    }
}
