/// Running total of a Chinese or mixed numeral, fed one token at a time by `NumeralGrammar`.
///
/// Chinese numerals are sections of 千百十 terms, each closed by 万 or 亿 in descending order
/// (十三万四千一百一十三 = 13×10⁴ + 4113). The checks here are what turn free text such as
/// 万万, 百千万 or 一二 into "not a numeral" rather than a guess.
struct NumeralAccumulator {
    private var total = ExactDecimal.zero
    private var section = ExactDecimal.zero
    private var sectionUsed = false
    /// A digit or Arabic number waiting for its multiplier.
    private var pending: ExactDecimal?
    private var pendingIsArabic = false
    /// Powers of the last 十百千 in this section and of the last 万/亿; they must decrease.
    private var lastSmall = 4
    private var lastBig = 0
    private var lastMultiplier = 0
    /// A 零 since the last multiplier: the next digit is a plain unit (一千零五), not 一千五 = 1500.
    private var afterZero = false
    private var seen = false
    private(set) var hasArabic = false
    private(set) var hasSmall = false
    private(set) var hasBig = false
    private(set) var impliedOne = false

    mutating func takeDigits(_ number: ExactDecimal, arabic: Bool) -> Bool {
        guard pending == nil, !(arabic && afterZero) else { return false }
        pending = number
        pendingIsArabic = arabic
        hasArabic = hasArabic || arabic
        seen = true
        return true
    }

    mutating func takeChineseDigit(_ digit: UInt8) -> Bool {
        guard digit == 0 else { return takeDigits(ExactDecimal(Int64(digit)), arabic: false) }
        if !seen { return takeDigits(.zero, arabic: false) }  // 零 on its own
        guard pending == nil, !afterZero, lastMultiplier > 0 else { return false }
        afterZero = true
        return true
    }

    mutating func takeSmall(_ power: Int) -> Bool {
        let factor: ExactDecimal
        if let number = pending {
            factor = number
        } else if !seen {
            factor = ExactDecimal(1)
            impliedOne = true
        } else {
            return false
        }
        guard power < lastSmall, let term = factor.timesPowerOfTen(power), let sum = section.adding(term) else {
            return false
        }
        section = sum
        sectionUsed = true
        pending = nil
        lastSmall = power
        lastMultiplier = power
        afterZero = false
        hasSmall = true
        seen = true
        return true
    }

    mutating func takeBig(_ power: Int) -> Bool {
        let group: ExactDecimal
        if pending == nil, !sectionUsed {
            guard !seen else { return false }  // 万万, 一亿万
            group = ExactDecimal(1)
            impliedOne = true
        } else {
            guard let sum = section.adding(pending ?? .zero) else { return false }
            group = sum
        }
        if lastBig == 0 {
            guard let scaled = group.timesPowerOfTen(power) else { return false }
            total = scaled
        } else {
            // 2亿3000万: the lower section must fit below the higher unit.
            guard power < lastBig, let limit = ExactDecimal(1).timesPowerOfTen(lastBig - power), group < limit,
                let scaled = group.timesPowerOfTen(power), let sum = total.adding(scaled)
            else { return false }
            total = sum
        }
        section = .zero
        sectionUsed = false
        pending = nil
        lastSmall = 4
        lastBig = power
        lastMultiplier = power
        afterZero = false
        hasBig = true
        seen = true
        return true
    }

    /// The value, or `nil` for a dangling 零 or an Arabic tail after a multiplier (1万2 could be
    /// 10002 or 12000). A lone Chinese digit right after 百 or above is the spoken shorthand:
    /// 一万二 = 12000, 三千五 = 3500.
    func finish() -> ExactDecimal? {
        guard seen else { return nil }
        var tail = ExactDecimal.zero
        if let number = pending {
            if lastMultiplier == 0 || afterZero {
                tail = number
            } else if pendingIsArabic {
                return nil
            } else if lastMultiplier >= 2 {
                guard let shifted = number.timesPowerOfTen(lastMultiplier - 1) else { return nil }
                tail = shifted
            } else {
                tail = number
            }
        } else if afterZero {
            return nil
        }
        guard let partial = total.adding(section), let value = partial.adding(tail) else { return nil }
        return value
    }
}
