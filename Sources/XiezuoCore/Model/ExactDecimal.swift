/// A decimal number held exactly: `significand × 10^-scale`.
///
/// Amounts never pass through binary floating point, so 16.4亿 is 1640000000 and not
/// 1639999999. Values are kept normalised (no trailing fractional zeros), so equal numbers
/// have equal representations and `==` is structural.
public struct ExactDecimal: Sendable, Hashable {
    public private(set) var significand: Int64
    /// Number of digits after the decimal point, 0...18.
    public private(set) var scale: Int

    public init(_ integer: Int64) {
        significand = integer
        scale = 0
    }

    /// `nil` when the scale is out of range.
    public init?(significand: Int64, scale: Int) {
        guard (0...18).contains(scale) else { return nil }
        self.significand = significand
        self.scale = scale
        normalise()
    }

    /// Parses plain decimal text: `123`, `-4.50`, `0.25`. No exponent, no separators.
    public init?(_ text: some StringProtocol) {
        var digits: Int64 = 0
        var scale = 0
        var seenPoint = false
        var seenDigit = false
        var negative = false
        for (index, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "-" where index == 0:
                negative = true
            case ".":
                guard !seenPoint else { return nil }
                seenPoint = true
            case "0"..."9":
                seenDigit = true
                let digit = Int64(scalar.value - 48)
                let (shifted, overflow1) = digits.multipliedReportingOverflow(by: 10)
                let (added, overflow2) = shifted.addingReportingOverflow(digit)
                guard !overflow1, !overflow2 else { return nil }
                digits = added
                if seenPoint { scale += 1 }
            default:
                return nil
            }
        }
        guard seenDigit, let value = ExactDecimal(significand: negative ? -digits : digits, scale: scale) else {
            return nil
        }
        self = value
    }

    public static let zero = ExactDecimal(0)

    public var isInteger: Bool { scale == 0 }

    /// The integral value, when there is no fractional part.
    public var integerValue: Int64? { scale == 0 ? significand : nil }

    /// Multiplies by 10^power exactly; `nil` on overflow.
    public func timesPowerOfTen(_ power: Int) -> ExactDecimal? {
        guard power >= 0 else { return ExactDecimal(significand: significand, scale: scale - power) }
        var result = self
        var remaining = power
        while remaining > 0, result.scale > 0 {
            result.scale -= 1
            remaining -= 1
        }
        for _ in 0..<remaining {
            let (shifted, overflow) = result.significand.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            result.significand = shifted
        }
        result.normalise()
        return result
    }

    /// `nil` on overflow.
    public func adding(_ other: ExactDecimal) -> ExactDecimal? {
        let common = max(scale, other.scale)
        guard let left = significand(atScale: common), let right = other.significand(atScale: common) else {
            return nil
        }
        let (sum, overflow) = left.addingReportingOverflow(right)
        guard !overflow else { return nil }
        return ExactDecimal(significand: sum, scale: common)
    }

    /// `nil` on overflow.
    public func multiplied(by factor: Int64) -> ExactDecimal? {
        let (product, overflow) = significand.multipliedReportingOverflow(by: factor)
        guard !overflow else { return nil }
        return ExactDecimal(significand: product, scale: scale)
    }

    /// The significand rescaled to `target` digits after the point, `nil` if that loses
    /// digits or overflows. DECIMAL(18,2) columns read `significand(atScale: 2)`.
    public func significand(atScale target: Int) -> Int64? {
        if target == scale { return significand }
        if target < scale {
            var value = significand
            for _ in 0..<(scale - target) {
                guard value % 10 == 0 else { return nil }
                value /= 10
            }
            return value
        }
        var value = significand
        for _ in 0..<(target - scale) {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = shifted
        }
        return value
    }

    private mutating func normalise() {
        while scale > 0, significand % 10 == 0 {
            significand /= 10
            scale -= 1
        }
    }
}
