/// A place as the fact tables write it, so that analysts can roll figures up the hierarchy:
/// its full canonical name, its division code and the canonical names of the province, the
/// prefecture-level city and the county it lies in (itself at its own level).
public struct RegionRecord: Sendable, Equatable {
    /// 广州市, 贵州省, 广西壮族自治区, 长布镇; a village or community as written (城南社区).
    public var name: String
    /// The 6-digit administrative division code of the place, or of the nearest enclosing
    /// division that has one: townships, villages and communities carry their county's code
    /// (the gazetteer has no township codes). Nil for a place the gazetteer cannot tie to one.
    public var code: String?
    public var province: String?
    /// The prefecture-level city; for a municipality (北京市, 上海市, 天津市, 重庆市) the
    /// municipality itself.
    public var city: String?
    public var county: String?

    public init(name: String, code: String?, province: String?, city: String?, county: String?) {
        self.name = name
        self.code = code
        self.province = province
        self.city = city
        self.county = county
    }
}
