extension ExactDecimal {
    /// A sum kept in hundredths. Totals beyond Int64 (over 92 quadrillion yuan) are clamped,
    /// which no real total reaches.
    init(hundredths: Int128) {
        let clamped = Int64(clamping: hundredths)
        self = ExactDecimal(significand: clamped, scale: 2) ?? ExactDecimal(clamped / 100)
    }
}
