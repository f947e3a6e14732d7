/// How senior an administrative division is, most senior first.
///
/// `Comparable` so that an ambiguous short form can be read as its most senior place: 吉林 is
/// both 吉林省 and 吉林市, and a bare 吉林 in news almost always means the province.
public enum PlaceLevel: Int, Sendable, Comparable, CaseIterable {
    case province, prefecture, county, township
    /// 村, 社区, 居委会: not in the gazetteer (650,000 of them), found by their suffix instead.
    case village

    public static func < (left: PlaceLevel, right: PlaceLevel) -> Bool {
        left.rawValue < right.rawValue
    }

    /// The level named by regions.csv's `level` column; `nil` for any other text.
    init?(csvValue: String) {
        switch csvValue {
        case "province": self = .province
        case "prefecture": self = .prefecture
        case "county": self = .county
        case "township": self = .township
        case "village": self = .village
        default: return nil
        }
    }
}
