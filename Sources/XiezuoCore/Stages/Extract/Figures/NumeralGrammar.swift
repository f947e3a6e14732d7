/// The grammar of a numeral: Arabic with separators and decimals, Chinese with multipliers, or
/// a mix (1.2万, 13万4千, 2亿3000万). Shared by `NumeralParser` and `FigureScanner` so that a run
/// is read the same way in both.
enum NumeralGrammar {
    /// End of the numeral run starting at `start`: digits, Chinese numerals, decimal points between
    /// digits and commas that are real thousands separators. A Chinese digit next to an Arabic one
    /// ends the run (一2000人 is 一 and 2000人), and a comma that does not sit between groups of
    /// three ends it too, so "1，2" stays a list.
    static func runEnd(in text: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int {
        var index = start
        var previous = NumeralScalar.other
        // Arabic digits since the start of the run or the last separator, -1 once the run holds anything else.
        var group = 0
        var separated = false
        while index < text.count {
            let kind = NumeralScalar.of(text[index])
            switch kind {
            case .arabic:
                if case .chineseDigit = previous { return index }
                if group >= 0 { group += 1 }
            case .chineseDigit:
                if previous.isArabic { return index }
                group = -1
            case .small, .big:
                group = -1
            case .point:
                guard previous.isArabic, index + 1 < text.count, NumeralScalar.of(text[index + 1]).isArabic else {
                    return index
                }
                group = -1
            case .comma:
                guard previous.isArabic, group > 0, separated ? group == 3 : group <= 3,
                    isGroupOfThree(in: text, at: index + 1)
                else { return index }
                separated = true
                group = 0
            case .other:
                return index
            }
            previous = kind
            index += 1
        }
        return index
    }

    /// Exactly three Arabic digits at `index`, not followed by a fourth.
    private static func isGroupOfThree(in text: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> Bool {
        guard index + 3 <= text.count else { return false }
        for offset in 0..<3 where !NumeralScalar.of(text[index + offset]).isArabic { return false }
        return index + 3 == text.count || !NumeralScalar.of(text[index + 3]).isArabic
    }

    /// Reads `text[bounds]` as one numeral, or `nil` when it is not wholly one.
    static func parse(_ text: UnsafeBufferPointer<Unicode.Scalar>, _ bounds: Range<Int>) -> ParsedNumeral? {
        guard !bounds.isEmpty, bounds.upperBound <= text.count else { return nil }
        var state = NumeralAccumulator()
        var index = bounds.lowerBound
        while index < bounds.upperBound {
            switch NumeralScalar.of(text[index]) {
            case .arabic:
                guard let (number, next) = arabic(text, from: index, to: bounds.upperBound),
                    state.takeDigits(number, arabic: true)
                else { return nil }
                index = next
                continue
            case .chineseDigit(let digit):
                guard state.takeChineseDigit(digit) else { return nil }
            case .small(let power):
                guard state.takeSmall(power) else { return nil }
            case .big(var power):
                if power == 4, index + 1 < bounds.upperBound, NumeralScalar.of(text[index + 1]) == .big(8) {
                    power = 12  // 万亿
                    index += 1
                }
                guard state.takeBig(power) else { return nil }
            case .point, .comma, .other:
                return nil
            }
            index += 1
        }
        guard let value = state.finish() else { return nil }
        let shape = suffixShape(text, bounds)
        return ParsedNumeral(
            value: value, hasArabic: state.hasArabic, hasSmall: state.hasSmall, hasBig: state.hasBig,
            impliedOne: state.impliedOne,
            unitSuffixLength: shape.length == bounds.count ? 0 : shape.length, unitSuffixPower: shape.power,
            bigSuffixPower: shape.bigPower, trailingSmallPower: shape.smallPower
        )
    }

    /// The trailing multipliers that the unit owns (5千万元 → 千万) and the ones a range may lend
    /// to its bare left end.
    private static func suffixShape(
        _ text: UnsafeBufferPointer<Unicode.Scalar>, _ bounds: Range<Int>
    ) -> (length: Int, power: Int, bigPower: Int, smallPower: Int) {
        let last = bounds.upperBound - 1
        let before = last > bounds.lowerBound ? NumeralScalar.of(text[last - 1]) : .other
        switch NumeralScalar.of(text[last]) {
        case .big(8):
            return before == .big(4) ? (2, 12, 12, 0) : (1, 8, 8, 0)
        case .big:
            // 5千万 is 5 × 千万, but 一亿两千万 is 一亿 + 两千 × 万: the unit is then only 万.
            guard case .small(let power) = before, power >= 2,
                !hasMultiplier(text, bounds.lowerBound..<(last - 1))
            else { return (1, 4, 4, 0) }
            return (2, 4 + power, 4, 0)
        case .small(let power) where power >= 2 && last > bounds.lowerBound:
            return (0, 0, 0, power)
        default:
            return (0, 0, 0, 0)
        }
    }

    private static func hasMultiplier(_ text: UnsafeBufferPointer<Unicode.Scalar>, _ bounds: Range<Int>) -> Bool {
        for index in bounds {
            switch NumeralScalar.of(text[index]) {
            case .small, .big: return true
            default: continue
            }
        }
        return false
    }

    /// An Arabic number from `start`: digits, optional thousands separators (first group 1-3
    /// digits, then exactly 3), optional decimal part. No leading zeros ("020" is a phone prefix).
    private static func arabic(
        _ text: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, to end: Int
    ) -> (ExactDecimal, Int)? {
        var significand: Int64 = 0
        var scale = 0
        var integerDigits = 0
        var firstDigit: UInt8 = 0
        var group = 0
        var separators = 0
        var seenPoint = false
        var index = start
        scan: while index < end {
            switch NumeralScalar.of(text[index]) {
            case .arabic(let digit):
                let (shifted, overflowed) = significand.multipliedReportingOverflow(by: 10)
                let (added, overflowedAgain) = shifted.addingReportingOverflow(Int64(digit))
                guard !overflowed, !overflowedAgain else { return nil }
                significand = added
                if seenPoint {
                    scale += 1
                } else {
                    if integerDigits == 0 { firstDigit = digit }
                    integerDigits += 1
                    group += 1
                }
            case .comma:
                guard !seenPoint, group > 0, separators == 0 ? group <= 3 : group == 3 else { return nil }
                separators += 1
                group = 0
            case .point:
                guard !seenPoint, group > 0 else { return nil }
                seenPoint = true
            default:
                break scan
            }
            index += 1
        }
        guard integerDigits > 0, !(integerDigits > 1 && firstDigit == 0) else { return nil }
        guard separators == 0 || group == 3 else { return nil }
        if seenPoint, scale == 0 { return nil }
        guard let value = ExactDecimal(significand: significand, scale: scale) else { return nil }
        return (value, index)
    }
}
