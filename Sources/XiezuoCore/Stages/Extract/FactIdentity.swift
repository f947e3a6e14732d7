/// What makes two mentions in one article the same fact: the same category, value,
/// qualifier and unit, with years that do not contradict each other (one may be unknown).
/// The unit tells apart two facts that share a number: 吸纳140余名… and 就业140余人.
struct FactIdentity: Hashable, Sendable {
    var category: FactCategory
    var value: ExactDecimal
    var qualifier: Qualifier
    /// 元, or the classifier (名, 人, 个…).
    var unit: String

    /// The identities already written for an article, with the years they were seen with.
    struct Seen {
        private var years: [FactIdentity: [Int?]] = [:]

        /// False when an equal fact with a compatible year was already inserted.
        mutating func insert(_ identity: FactIdentity, year: Int?) -> Bool {
            let known = years[identity, default: []]
            if known.contains(where: { $0 == nil || year == nil || $0 == year }) { return false }
            years[identity, default: []].append(year)
            return true
        }
    }
}
