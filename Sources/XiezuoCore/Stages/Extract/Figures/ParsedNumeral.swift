/// A numeral read by `NumeralGrammar`, with what the scanner needs to know about its shape.
struct ParsedNumeral: Sendable, Equatable {
    var value: ExactDecimal
    var hasArabic: Bool
    /// Contains 十, 百 or 千.
    var hasSmall: Bool
    /// Contains 万 or 亿.
    var hasBig: Bool
    /// Begins with a multiplier read as "one of": 千, 百万, 亿.
    var impliedOne: Bool
    /// Scalars of the trailing 万, 亿, 千万, 百万 or 万亿 that belong to the unit (万元, 千万元…);
    /// 0 when there is none or when it is the whole numeral.
    var unitSuffixLength: Int
    /// Power of ten of that trailing unit multiplier, even when it is the whole numeral (0 if none).
    var unitSuffixPower: Int
    /// Power of ten of the trailing 万, 亿 or 万亿 alone (0 if none).
    var bigSuffixPower: Int
    /// 2 or 3 when the numeral ends in 百 or 千 after a digit (2-3千人), else 0.
    var trailingSmallPower: Int
}
