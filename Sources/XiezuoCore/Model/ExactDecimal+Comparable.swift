extension ExactDecimal: Comparable {
    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let common = max(lhs.scale, rhs.scale)
        if let left = lhs.significand(atScale: common), let right = rhs.significand(atScale: common) {
            return left < right
        }
        // Rescaling overflowed: compare through Int128, which always holds both.
        return lhs.wideSignificand(atScale: common) < rhs.wideSignificand(atScale: common)
    }

    private func wideSignificand(atScale target: Int) -> Int128 {
        var value = Int128(significand)
        for _ in 0..<max(0, target - scale) { value *= 10 }
        return value
    }
}
