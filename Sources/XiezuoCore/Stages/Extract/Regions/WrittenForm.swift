/// How the text wrote a place, which decides the name a fact reports for it: the article's own
/// words, preferring the form that carries an administrative suffix (三都县 over 三都, 吕田镇 over
/// 吕田) so that a reader sees what kind of place it is and the same place groups together.
enum WrittenForm: Int, Sendable, Comparable {
    /// An autonomous division's short form plus its plain suffix: 三都县, 黔南州. Preferred over the
    /// official name because it is what the region's own coverage writes and what analysts group by.
    case suffixedShort
    /// The official name (三都水族自治县, 广州市, 吕田镇), or a village, community or subdistrict found
    /// by its suffix (城南社区).
    case fullName
    /// The short form alone: 三都, 广州.
    case bareShort
    /// A township's name without its suffix, recognised only because the article names the township
    /// in full elsewhere (吕田 after 吕田镇).
    case alias

    static func < (left: WrittenForm, right: WrittenForm) -> Bool {
        left.rawValue < right.rawValue
    }
}
