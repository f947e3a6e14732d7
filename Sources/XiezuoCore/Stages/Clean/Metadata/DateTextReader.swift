/// Reads the dates pages print: `2023-02-05`, `2023/2/5`, `2023.02.05`, `2023年2月5日`, and the
/// same in Chinese numerals (`二〇二〇年七月七日`), each optionally followed by a time (`06:46`,
/// `06:46:00`, `07时54分`). Full-width digits are folded to ASCII before any line reaches here
/// (`LineNormalizer`).
enum DateTextReader {
    /// The date at `start` and the position just after it (and after a following time).
    static func date(in text: some ScalarLine, at start: Int) -> (date: CivilDate, end: Int)? {
        if start < text.count, chineseDigit(text[start]) != nil { return chineseDate(in: text, at: start) }
        var index = start
        guard let year = number(in: text, at: &index, maxDigits: 4), index - start == 4,
            index < text.count
        else { return nil }
        let separator = text[index]
        let chinese = separator == "年"
        guard chinese || separator == "-" || separator == "/" || separator == "." else { return nil }
        index += 1
        guard let month = number(in: text, at: &index, maxDigits: 2), index < text.count else { return nil }
        guard text[index] == (chinese ? "月" : separator) else { return nil }
        index += 1
        guard let day = number(in: text, at: &index, maxDigits: 2) else { return nil }
        if chinese {
            guard index < text.count, text[index] == "日" || text[index] == "号" else { return nil }
            index += 1
        } else if index < text.count, ScalarText.isASCIIDigit(text[index]) {
            return nil
        }
        guard let date = CivilDate(year: year, month: month, day: day) else { return nil }
        return (date, skipTime(in: text, from: index))
    }

    /// A line that is only a date (and time): the timestamps of "related articles" lists.
    static func isTimestampLine(_ text: some ScalarLine) -> Bool {
        guard let (_, end) = date(in: text, at: 0) else { return false }
        return end == text.count
    }

    /// The first date of `text` that starts at `from` or later and is not glued to a digit or
    /// letter before it (`12024-03-01` is no date); its start and end.
    static func firstDate(in text: some ScalarLine, from: Int = 0) -> (date: CivilDate, start: Int, end: Int)? {
        var index = from
        while index < text.count {
            let scalar = text[index]
            if ScalarText.isASCIIDigit(scalar) || chineseDigit(scalar) != nil {
                let before = index > 0 ? text[index - 1] : " "
                let glued = ScalarText.isASCIIDigit(before) || ScalarText.isASCIILetter(before)
                if !glued, let (date, end) = date(in: text, at: index) { return (date, index, end) }
            }
            index += 1
        }
        return nil
    }

    /// `二〇二〇年七月七日`, `二〇一九年十二月三十一日`: four digits 〇–九 for the year, then the
    /// month and day in the counting numerals (十, 十一, 二十三, 三十一).
    private static func chineseDate(in text: some ScalarLine, at start: Int) -> (date: CivilDate, end: Int)? {
        var index = start
        var year = 0
        while index < text.count, index - start < 4, let digit = chineseDigit(text[index]) {
            year = year * 10 + digit
            index += 1
        }
        guard index - start == 4, index < text.count, text[index] == "年" else { return nil }
        index += 1
        guard let month = counted(in: text, at: &index), index < text.count, text[index] == "月" else { return nil }
        index += 1
        guard let day = counted(in: text, at: &index), index < text.count, text[index] == "日" || text[index] == "号"
        else { return nil }
        guard let date = CivilDate(year: year, month: month, day: day) else { return nil }
        return (date, skipTime(in: text, from: index + 1))
    }

    /// 一 … 九, 十, 十一 … 十九, 二十 … 三十一: the numerals of months and days.
    private static func counted(in text: some ScalarLine, at index: inout Int) -> Int? {
        var value = 0
        var tens = false
        var digits = 0
        while index < text.count, digits < 3 {
            if text[index] == "十" {
                guard !tens else { return nil }
                value = (value == 0 ? 1 : value) * 10
                tens = true
            } else if let digit = chineseDigit(text[index]), digit > 0 {
                guard !(value > 0 && !tens) else { return nil }
                value += digit
            } else {
                break
            }
            digits += 1
            index += 1
        }
        return value > 0 ? value : nil
    }

    private static func chineseDigit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "〇", "零", "○": return 0
        case "一": return 1
        case "二": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    /// Skips ` 06:46`, ` 06:46:00` or `07时54分` (with or without the space); returns `index`
    /// otherwise.
    private static func skipTime(in text: some ScalarLine, from index: Int) -> Int {
        var position = index
        if position < text.count, text[position] == " " { position += 1 }
        let start = position
        guard number(in: text, at: &position, maxDigits: 2) != nil, position - start >= 1, position < text.count
        else { return index }
        if text[position] == "时" || text[position] == "時" {
            position += 1
            guard number(in: text, at: &position, maxDigits: 2) != nil, position < text.count, text[position] == "分"
            else { return index }
            position += 1
            var seconds = position
            if number(in: text, at: &seconds, maxDigits: 2) != nil, seconds < text.count, text[seconds] == "秒" {
                position = seconds + 1
            }
            return position
        }
        guard text[position] == ":" else { return index }
        position += 1
        guard number(in: text, at: &position, maxDigits: 2) != nil else { return index }
        var afterMinutes = position
        if afterMinutes < text.count, text[afterMinutes] == ":" {
            afterMinutes += 1
            if number(in: text, at: &afterMinutes, maxDigits: 2) != nil { position = afterMinutes }
        }
        return position
    }

    private static func number(in text: some ScalarLine, at index: inout Int, maxDigits: Int) -> Int? {
        var value = 0
        var digits = 0
        while index < text.count, digits < maxDigits, ScalarText.isASCIIDigit(text[index]) {
            value = value * 10 + Int(text[index].value - 48)
            digits += 1
            index += 1
        }
        return digits > 0 ? value : nil
    }
}
