extension ExactDecimal: CustomStringConvertible {
    /// Plain decimal notation, never exponent notation: `1640000000`, `0.25`, `-3.5`.
    public var description: String {
        let negative = significand < 0
        let digits = String(significand.magnitude)
        guard scale > 0 else { return (negative ? "-" : "") + digits }
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + padded[..<split] + "." + padded[split...]
    }
}
