/// Parses a bare numeral (Arabic, Chinese or mixed) with no unit: "1,600", "483.02",
/// "十三万四千一百一十三", "1.2万", "3千万", "13万4千", "两百", "壹仟贰佰". Returns nil for anything
/// that is not wholly a numeral.
///
/// A lone multiplier means one of it (千 = 1000, 亿 = 100000000), as in 近千个 and 超亿元.
/// Digit-by-digit Chinese (二〇二三, 一二) is not a quantity; read years with `year(of:)`.
public enum NumeralParser {
    public static func value(of text: some StringProtocol) -> ExactDecimal? {
        let scalars = Array(text.unicodeScalars)
        return scalars.withUnsafeBufferPointer { NumeralGrammar.parse($0, 0..<$0.count)?.value }
    }
}
