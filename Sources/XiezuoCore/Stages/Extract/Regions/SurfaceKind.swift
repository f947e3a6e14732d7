/// How a surface form was derived from a gazetteer row. The order is the priority when two rows
/// yield the same text: an official full name beats a derived form, so 大理市 stays the county-level
/// city even though 大理 is also the short form of 大理白族自治州.
enum SurfaceKind: Int, Sendable, Comparable {
    /// The official name: 三都水族自治县, 广州市, 吕田镇.
    case fullName
    /// The short form plus its level's plain suffix, for autonomous divisions: 三都县, 黔南州.
    case suffixedShort
    /// The short form alone: 广州, 三都. Matched only for counties and above.
    case bareShort

    static func < (left: SurfaceKind, right: SurfaceKind) -> Bool {
        left.rawValue < right.rawValue
    }
}
