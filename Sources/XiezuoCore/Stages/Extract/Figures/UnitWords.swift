/// The unit right after a number: 元 (money) or a classifier (counts).
enum UnitWords {
    private static let renminbi: [Unicode.Scalar] = ["人", "民", "币"]
    private static let renminbiTraditional: [Unicode.Scalar] = ["人", "民", "幣"]

    /// What may not follow 元 when it is not money: 一元化, 多元论, 三元里, 元素, 元宵, 元旦.
    private static let notAfterYuan: [Unicode.Scalar] = ["化", "论", "論", "里", "素", "宵", "旦"]

    /// What may not follow a classifier when the pair is not a count: 3个月 is a duration,
    /// 两位数 a kind of growth, 3个百分点 a rate, 二期工程 a phase.
    private static let notAfterGe: [[Unicode.Scalar]] = [
        "月", "小时", "小時", "钟头", "鐘頭", "工作日", "星期", "季度", "年头", "年頭", "百分点", "百分點", "多月", "半月",
        "多小时", "半小时",
    ].map { Array($0.unicodeScalars) }

    private static let notAfterQi: [[Unicode.Scalar]] = ["工程", "项目", "項目", "建设", "建設", "扩建", "擴建"]
        .map { Array($0.unicodeScalars) }

    private static func isExcluded(_ classifier: Classifier, in text: UnsafeBufferPointer<Unicode.Scalar>, at end: Int) -> Bool {
        guard end < text.count else { return false }
        switch classifier {
        case .个: return notAfterGe.contains { QualifierWords.matches($0, in: text, at: end) }
        case .位: return text[end] == "数" || text[end] == "數"
        case .次: return text[end] == "方"
        case .期: return notAfterQi.contains { QualifierWords.matches($0, in: text, at: end) }
        default: return false
        }
    }

    /// The unit starting at `index` and where it ends. Only 元 makes money; a 人民币 after it is
    /// left outside the span. 100万人民币 has no 元 and so is no figure, but it is never 100万 people either.
    static func unit(in text: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> (unit: FigureUnit, end: Int)? {
        guard index < text.count, !isRenminbi(text, at: index) else { return nil }
        let first = text[index]
        if first == "元" {
            if index + 1 < text.count, notAfterYuan.contains(text[index + 1]) { return nil }
            return (.yuan, index + 1)
        }
        if let end = labourEnd(text, at: index) { return (.counted(.人), end) }
        guard let (classifier, end) = classifier(text, at: index) else { return nil }
        if isExcluded(classifier, in: text, at: end) { return nil }
        return (.counted(classifier), end)
    }

    /// Workers counted without a classifier: 73.09万农村劳动力, 1.2万贫困劳动力. The noun is the
    /// unit (people), as 人 would be; a labour force that is not counted (劳动力家庭41.36万户)
    /// never stands right after the number.
    private static let labourNouns: [[Unicode.Scalar]] = [
        "农村劳动力", "農村勞動力", "贫困劳动力", "貧困勞動力", "脱贫劳动力", "脫貧勞動力", "劳动力", "勞動力",
    ].map { Array($0.unicodeScalars) }

    private static func labourEnd(_ text: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> Int? {
        for noun in labourNouns where QualifierWords.matches(noun, in: text, at: index) { return index + noun.count }
        return nil
    }

    private static func isRenminbi(_ text: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> Bool {
        QualifierWords.matches(renminbi, in: text, at: index) || QualifierWords.matches(renminbiTraditional, in: text, at: index)
    }

    /// Longest match first, so 195人次 is 人次 and not 人.
    private static func classifier(_ text: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> (Classifier, Int)? {
        let first = text[index]
        if index + 1 < text.count, text[index + 1] == "次" {
            switch first {
            case "人": return (.人次, index + 2)
            case "家": return (.家次, index + 2)
            case "户", "戶": return (.户次, index + 2)
            case "场", "場": return (.场次, index + 2)
            default: break
            }
        }
        let classifier: Classifier
        switch first {
        case "人": classifier = .人
        case "名": classifier = .名
        case "位": classifier = .位
        case "个", "個": classifier = .个
        case "份": classifier = .份
        case "项", "項": classifier = .项
        case "类", "類": classifier = .类
        case "批": classifier = .批
        case "座": classifier = .座
        case "所": classifier = .所
        case "期": classifier = .期
        case "家": classifier = .家
        case "户", "戶": classifier = .户
        case "场", "場": classifier = .场
        case "次": classifier = .次
        case "届", "屆": classifier = .届
        case "对", "對": classifier = .对
        default: return nil
        }
        return (classifier, index + 1)
    }
}
