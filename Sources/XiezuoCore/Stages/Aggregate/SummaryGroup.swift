/// The key of one `summary` row; a column not in `aggregate.group_by` is nil (= all).
struct SummaryGroup: Hashable, Sendable, Comparable {
    var table: FactTable
    var category: FactCategory?
    var year: Int?
    var region: String?
    var province: String?
    var city: String?
    var county: String?
    var partnerRegion: String?
    var programme: String?

    static func < (lhs: SummaryGroup, rhs: SummaryGroup) -> Bool {
        if lhs.table != rhs.table { return lhs.table < rhs.table }
        let leftCategory = lhs.category.flatMap { FactCategory.allCases.firstIndex(of: $0) } ?? -1
        let rightCategory = rhs.category.flatMap { FactCategory.allCases.firstIndex(of: $0) } ?? -1
        if leftCategory != rightCategory { return leftCategory < rightCategory }
        if lhs.year != rhs.year { return (lhs.year ?? Int.min) < (rhs.year ?? Int.min) }
        // Then the places and the programme, by their UTF-8 bytes (the order is the same on every
        // machine and locale).
        let left = [lhs.province, lhs.city, lhs.county, lhs.region, lhs.partnerRegion, lhs.programme]
        let right = [rhs.province, rhs.city, rhs.county, rhs.region, rhs.partnerRegion, rhs.programme]
        for (l, r) in zip(left, right) where l != r {
            return (l ?? "").utf8.lexicographicallyPrecedes((r ?? "").utf8)
        }
        return false
    }
}
