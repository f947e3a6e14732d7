/// A money or counted figure found in text, with the wording that bounds it.
public struct Figure: Sendable, Equatable {
    /// Unicode-scalar offsets of qualifier words, number and unit: 超100亿元, 36000余元, 近千个, 3000—5000万元.
    public var range: Range<Int>
    /// The numeral part(s) only, without the unit's multiplier: `100` in 超100亿元, `3000—5000` in 3000—5000万元.
    /// A numeral that is nothing but a multiplier (亿元, 千万元) keeps it, so the range is never empty.
    public var numberRange: Range<Int>
    /// In base units: yuan for money, people or items for counts.
    public var value: ExactDecimal
    public var qualifier: Qualifier
    public var low: ExactDecimal?
    public var high: ExactDecimal?
    public var unit: FigureUnit

    init(
        range: Range<Int>, numberRange: Range<Int>, value: ExactDecimal, qualifier: Qualifier,
        low: ExactDecimal?, high: ExactDecimal?, unit: FigureUnit
    ) {
        self.range = range
        self.numberRange = numberRange
        self.value = value
        self.qualifier = qualifier
        self.low = low
        self.high = high
        self.unit = unit
    }

    /// Bounds follow `Qualifier.bounds`, so a figure can never disagree with its own qualifier.
    init(range: Range<Int>, numberRange: Range<Int>, value: ExactDecimal, qualifier: Qualifier, rangeHigh: ExactDecimal?, unit: FigureUnit) {
        let bounds = qualifier.bounds(value: value, rangeHigh: rangeHigh)
        self.init(
            range: range, numberRange: numberRange, value: value, qualifier: qualifier,
            low: bounds.low, high: bounds.high, unit: unit
        )
    }
}
