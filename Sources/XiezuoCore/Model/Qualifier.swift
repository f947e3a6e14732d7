/// How the wording bounds a figure (EXTRACTION.md, `qualifier`).
public enum Qualifier: String, Sendable, CaseIterable, Codable {
    /// 1600万元: the figure as stated.
    case exact
    /// 超, 逾, 余, 多, 以上, 超过: at least the figure.
    case over
    /// 近, 将近, 不到, 不足: at most the figure.
    case under
    /// 约, 左右, 大约: about the figure, no bound.
    case approx
    /// 3000—5000万元, 3至5亿元: both ends stated.
    case range

    /// The bounds the wording gives for a figure with this qualifier:
    /// exact → both = value; over → low; under → high; range → both ends; approx → none.
    public func bounds(value: ExactDecimal, rangeHigh: ExactDecimal?) -> (low: ExactDecimal?, high: ExactDecimal?) {
        switch self {
        case .exact: return (value, value)
        case .over: return (value, nil)
        case .under: return (nil, value)
        case .approx: return (nil, nil)
        case .range: return (value, rangeHigh)
        }
    }
}
