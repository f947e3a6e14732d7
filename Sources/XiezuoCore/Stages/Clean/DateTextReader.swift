/// Reads the dates pages print: `2023-02-05`, `2023/2/5`, `2023.02.05`, `2023年2月5日`,
/// each optionally followed by a time (`06:46`, `06:46:00`).
enum DateTextReader {
    /// The date at `start` and the position just after it (and after a following time).
    static func date(in text: [Unicode.Scalar], at start: Int) -> (date: CivilDate, end: Int)? {
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
        }
        guard let date = CivilDate(year: year, month: month, day: day) else { return nil }
        return (date, skipTime(in: text, from: index))
    }

    /// A line that is only a date (and time): the timestamps of "related articles" lists.
    static func isTimestampLine(_ text: [Unicode.Scalar]) -> Bool {
        guard let (_, end) = date(in: text, at: 0) else { return false }
        return end == text.count
    }

    /// Skips ` 06:46` or ` 06:46:00` (with or without the space); returns `index` otherwise.
    private static func skipTime(in text: [Unicode.Scalar], from index: Int) -> Int {
        var position = index
        if position < text.count, text[position] == " " { position += 1 }
        let start = position
        guard number(in: text, at: &position, maxDigits: 2) != nil, position - start >= 1,
            position < text.count, text[position] == ":"
        else { return index }
        position += 1
        guard number(in: text, at: &position, maxDigits: 2) != nil else { return index }
        var afterMinutes = position
        if afterMinutes < text.count, text[afterMinutes] == ":" {
            afterMinutes += 1
            if number(in: text, at: &afterMinutes, maxDigits: 2) != nil { position = afterMinutes }
        }
        return position
    }

    private static func number(in text: [Unicode.Scalar], at index: inout Int, maxDigits: Int) -> Int? {
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
