/// A year stated in the text: 2024年, 2024年底, 二〇二三年.
struct YearMention: Sendable, Equatable {
    var range: Range<Int>
    var year: Int
    /// 2022年3月, 2023年2月5日: the date of one event, which dates only its own clause.
    var isEventDate: Bool

    /// Every year mention in `text`, left to right. A year is four Arabic digits or four
    /// Chinese digits (二〇二三) directly followed by 年, not preceded by another digit.
    static func all(in text: [Unicode.Scalar]) -> [YearMention] {
        var mentions: [YearMention] = []
        var index = 4
        while index < text.count {
            defer { index += 1 }
            guard text[index] == "年" else { continue }
            let start = index - 4
            if start > 0, isDigit(text[start - 1]) { continue }
            let digits = String(String.UnicodeScalarView(text[start..<index]))
            guard let year = NumeralParser.year(of: digits), (1949...2100).contains(year) else { continue }
            mentions.append(
                YearMention(range: start..<(index + 1), year: year, isEventDate: isMonth(after: index + 1, in: text))
            )
        }
        return mentions
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || "〇一二三四五六七八九零".unicodeScalars.contains(scalar)
    }

    /// 1 to 2 digits (Arabic or Chinese) then 月.
    private static func isMonth(after position: Int, in text: [Unicode.Scalar]) -> Bool {
        var index = position
        while index < text.count, index - position < 3, isDigit(text[index]) || text[index] == "十" { index += 1 }
        return index > position && index < text.count && text[index] == "月"
    }
}
