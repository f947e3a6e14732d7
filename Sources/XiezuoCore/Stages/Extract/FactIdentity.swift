/// What makes two mentions in one article the same fact: the same category, value and
/// qualifier, with years that do not contradict each other (one may be unknown).
struct FactIdentity: Hashable, Sendable {
    var category: FactCategory
    var value: ExactDecimal
    var qualifier: Qualifier

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
