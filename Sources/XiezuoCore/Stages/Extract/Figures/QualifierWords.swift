/// The words around a number that bound it (超, 近, 约, 余, 以上, 左右…), matched on scalars.
enum QualifierWords {
    /// Words before the number, longest first, with the scalars that must not precede them:
    /// 签约 and 合约 are not 约, 最近 and 附近 are not 近, 赶超 is not 超.
    private static let before: [(word: [Unicode.Scalar], qualifier: Qualifier, notAfter: [Unicode.Scalar])] = {
        let notAfterYue = "签簽合履违違公条條制相预預邀特践踐赴守节節集缔締解立毁婚誓盟续續简簡失爽隐隱和协協租成规規契有背"
        let notAfterJin = "最附靠邻鄰临臨贴貼亲親就远遠逼相迫晚新"
        let entries: [(String, Qualifier, String)] = [
            ("不超过", .under, ""), ("不超過", .under, ""), ("不高于", .under, ""), ("不高於", .under, ""),
            ("不多于", .under, ""), ("不多於", .under, ""),
            ("不少于", .over, ""), ("不少於", .over, ""), ("不低于", .over, ""), ("不低於", .over, ""),
            ("超过", .over, ""), ("超過", .over, ""), ("超出", .over, ""), ("突破", .over, ""), ("至少", .over, ""),
            ("高于", .over, ""), ("高於", .over, ""), ("多于", .over, ""), ("多於", .over, ""),
            ("将近", .under, ""), ("將近", .under, ""), ("接近", .under, ""), ("不到", .under, ""), ("不足", .under, ""),
            ("不超", .under, ""), ("低于", .under, ""), ("低於", .under, ""), ("少于", .under, ""), ("少於", .under, ""),
            ("大约", .approx, ""), ("大約", .approx, ""), ("约为", .approx, notAfterYue), ("約為", .approx, notAfterYue),
            ("超", .over, "赶趕高反追"), ("逾", .over, ""),
            ("近", .under, notAfterJin),
            ("约", .approx, notAfterYue), ("約", .approx, notAfterYue),
        ]
        return entries
            .map { (Array($0.0.unicodeScalars), $0.1, Array($0.2.unicodeScalars)) }
            .sorted { $0.0.count > $1.0.count }
    }()

    private static let renminbi: [Unicode.Scalar] = ["人", "民", "币"]
    private static let renminbiTraditional: [Unicode.Scalar] = ["人", "民", "幣"]

    /// The qualifier word ending right before `position`, and where it starts. 人民币 and a 达
    /// may sit between it and the number (约人民币5亿元, 约达300人); neither is a qualifier itself,
    /// so 达300人, 多达300人 or 人民币100万元 alone return nil: the figure is exact and they stay
    /// outside its span, like 共 and 累计. Nothing before `floor` is looked at.
    static func before(
        in text: UnsafeBufferPointer<Unicode.Scalar>, endingAt position: Int, floor: Int
    ) -> (qualifier: Qualifier, start: Int)? {
        var end = position
        if end - 3 >= floor, matches(renminbi, in: text, at: end - 3) || matches(renminbiTraditional, in: text, at: end - 3) {
            end -= 3
        }
        if end - 1 >= floor, text[end - 1] == "达" || text[end - 1] == "達" { end -= 1 }
        guard end - 1 >= floor, endsQualifier(text[end - 1]) else { return nil }
        for entry in before {
            let start = end - entry.word.count
            guard start >= floor, matches(entry.word, in: text, at: start) else { continue }
            if start > 0, entry.notAfter.contains(text[start - 1]) { continue }
            return (entry.qualifier, start)
        }
        return nil
    }

    /// The last scalars of the words in `before`: most numbers follow none of them, and then the table is skipped.
    private static func endsQualifier(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "过", "過", "出", "破", "少", "于", "於", "近", "到", "足", "超", "约", "約", "为", "為", "逾": return true
        default: return false
        }
    }

    /// 余 or 多 between the number and its unit (36000余元, 500多万元).
    static func isMiddle(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "余" || scalar == "餘" || scalar == "多"
    }

    /// A qualifier word right after the unit (3500元以上, 100人左右) and where it ends.
    static func after(in text: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> (qualifier: Qualifier, end: Int)? {
        guard index + 2 <= text.count else { return nil }
        switch (text[index], text[index + 1]) {
        case ("以", "上"), ("开", "外"), ("開", "外"): return (.over, index + 2)
        case ("以", "下"), ("以", "内"), ("以", "內"): return (.under, index + 2)
        case ("左", "右"), ("上", "下"): return (.approx, index + 2)
        default: return nil
        }
    }

    /// Several words bounding one number: agreeing ones keep their meaning (超100余人 is over),
    /// conflicting ones (约100余人) bound nothing reliably, so the figure is only approximate.
    static func combine(_ qualifiers: Qualifier?...) -> Qualifier {
        var result: Qualifier?
        for case let qualifier? in qualifiers {
            if let current = result, current != qualifier { return .approx }
            result = qualifier
        }
        return result ?? .exact
    }

    static func matches(_ word: [Unicode.Scalar], in text: UnsafeBufferPointer<Unicode.Scalar>, at start: Int) -> Bool {
        guard start >= 0, start + word.count <= text.count else { return false }
        for offset in 0..<word.count where text[start + offset] != word[offset] { return false }
        return true
    }
}
