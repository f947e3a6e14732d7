/// The key of one `summary` row; a column not in `aggregate.group_by` is nil (= all).
struct SummaryGroup: Hashable, Sendable, Comparable {
    var table: FactTable
    var category: FactCategory?
    var year: Int?
    var region: String?

    static func < (lhs: SummaryGroup, rhs: SummaryGroup) -> Bool {
        if lhs.table != rhs.table { return lhs.table < rhs.table }
        let leftCategory = lhs.category.flatMap { FactCategory.allCases.firstIndex(of: $0) } ?? -1
        let rightCategory = rhs.category.flatMap { FactCategory.allCases.firstIndex(of: $0) } ?? -1
        if leftCategory != rightCategory { return leftCategory < rightCategory }
        if lhs.year != rhs.year { return (lhs.year ?? Int.min) < (rhs.year ?? Int.min) }
        return (lhs.region ?? "").utf8.lexicographicallyPrecedes((rhs.region ?? "").utf8)
    }
}
