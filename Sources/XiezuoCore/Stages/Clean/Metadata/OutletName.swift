/// An outlet's name as pages write it, reduced to the outlet: "某某网-江城频道" → 某某网,
/// "某某信息网（转自某某社）" → 某某信息网, "某某报江城记者站" → 某某报.
/// Words that name no outlet (来源：网络, 本站, 综合) give nil.
enum OutletName {
    /// Characters an outlet's name ends with: 报, 网, 台, 社, 刊, 版 (网络版), 中心, 在线,
    /// 客户端, 频道, 新闻, 杂志, 站, 号 (公众号).
    private static let endings: Set<Unicode.Scalar> = [
        "报", "報", "网", "網", "台", "社", "刊", "版", "心", "线", "線", "端", "道", "闻", "聞", "志", "站", "号", "號",
    ]
    private static let notOutlets: Set<String> = [
        "网络", "網絡", "互联网", "互聯網", "网友", "網友", "本站", "本网", "本網", "综合", "綜合", "网络整理", "網絡整理", "网上",
        "未知", "原创", "原創", "转载", "轉載", "佚名", "自媒体", "自媒體", "网络综合", "綜合整理", "综合整理",
    ]
    private static let cuts: Set<Unicode.Scalar> = ["(", "（", "[", "【", "<", "《"]
    private static let joins: Set<Unicode.Scalar> = ["-", "－", "—", "_", "|", "｜"]

    /// The outlet named by `value` (already cut at the next space), or nil.
    static func cleaned(_ value: some Collection<Unicode.Scalar>) -> String? {
        var name = Array(value)
        if let cut = name.firstIndex(where: { cuts.contains($0) }), cut > 0 { name = Array(name[..<cut]) }
        if let join = name.firstIndex(where: { joins.contains($0) }), join >= 2 { name = Array(name[..<join]) }
        if let station = ScalarText.firstIndex(of: ScalarText.scalars("记者站"), in: name[...])
            ?? ScalarText.firstIndex(of: ScalarText.scalars("記者站"), in: name[...]),
            let end = name[..<station].lastIndex(where: { ["报", "報", "社", "网", "台"].contains($0) })
        {
            name = Array(name[...end])
        }
        while let last = name.last, !ScalarText.isWordScalar(last) { name.removeLast() }
        while let first = name.first, !ScalarText.isWordScalar(first) { name.removeFirst() }
        guard !name.isEmpty, name.contains(where: { ScalarText.isHan($0) || ScalarText.isASCIILetter($0) }) else {
            return nil
        }
        let string = ScalarText.string(name)
        return notOutlets.contains(string) ? nil : string
    }

    /// A token that reads as an outlet's name without a label: short, Chinese, ending the way
    /// outlet names end (某某日报, 某某电视台·新媒体中心, 某某日报网络版·), not a credit.
    static func isOutletLike<Token: RandomAccessCollection<Unicode.Scalar>>(_ token: Token) -> Bool
    where Token.Index == Int {
        var end = token.endIndex
        while end > token.startIndex, !ScalarText.isWordScalar(token[end - 1]) { end -= 1 }
        let name = token[token.startIndex..<end]
        guard (2...20).contains(name.count), let last = name.last, endings.contains(last),
            name.allSatisfy({ ScalarText.isWordScalar($0) || $0 == "·" || $0 == "•" }),
            name.contains(where: ScalarText.isHan)
        else { return false }
        let text = Array(name)
        return ScalarText.firstIndex(of: ScalarText.scalars("记者"), in: text[...]) == nil
            && ScalarText.firstIndex(of: ScalarText.scalars("記者"), in: text[...]) == nil
    }
}
