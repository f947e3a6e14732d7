extension NumeralParser {
    /// A year written in Chinese digits or Arabic: "二〇二三" → 2023, "2024" → 2024; a trailing 年
    /// is allowed. Four digits read one by one, or a counted numeral (二千零二十三) between 1000
    /// and 9999; anything else is nil, since 23年 or 十四五 do not name a year on their own.
    public static func year(of text: some StringProtocol) -> Int? {
        var scalars = Array(text.unicodeScalars)
        if scalars.last == "年" { scalars.removeLast() }
        guard !scalars.isEmpty else { return nil }
        var digits = 0
        var year = 0
        var chinese = false
        var arabic = false
        for scalar in scalars {
            switch NumeralScalar.of(scalar) {
            case .arabic(let digit):
                arabic = true
                year = year * 10 + Int(digit)
            case .chineseDigit(let digit) where !NumeralScalar.isFinancialForm(scalar) && scalar != "两" && scalar != "兩":
                chinese = true
                year = year * 10 + Int(digit)
            default:
                return countedYear(scalars)
            }
            digits += 1
            if digits > 4 { return nil }
        }
        guard digits == 4, !(arabic && chinese), year >= 1000 else { return nil }
        return year
    }

    private static func countedYear(_ scalars: [Unicode.Scalar]) -> Int? {
        let parsed = scalars.withUnsafeBufferPointer { NumeralGrammar.parse($0, 0..<$0.count) }
        guard let parsed, !parsed.hasArabic, let integer = parsed.value.integerValue, (1000...9999).contains(integer) else {
            return nil
        }
        return Int(integer)
    }
}
