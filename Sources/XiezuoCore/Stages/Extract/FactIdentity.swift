/// What makes two mentions in one article the same fact: the same category, value,
/// qualifier and unit, with years that do not contradict each other (one may be unknown).
/// The unit tells apart two facts that share a number: 吸纳140余名… and 就业140余人.
struct FactIdentity: Hashable, Sendable {
    var category: FactCategory
    var value: ExactDecimal
    var qualifier: Qualifier
    /// 元, or the classifier (名, 人, 个…).
    var unit: String

    /// The identities already written for an article, with the years they were seen with and
    /// where the fact was written.
    struct Seen {
        enum Outcome: Equatable {
            case new
            /// An equal fact with a compatible year was already written, at this index.
            case repeated(Int)
        }

        private var seen: [FactIdentity: [(year: Int?, index: Int)]] = [:]

        mutating func insert(_ identity: FactIdentity, year: Int?, at index: Int) -> Outcome {
            let known = seen[identity, default: []]
            if let match = known.firstIndex(where: { $0.year == nil || year == nil || $0.year == year }) {
                // Once the first is given a year, a later mention with another year is a new fact.
                if known[match].year == nil, let year { seen[identity]?[match].year = year }
                return .repeated(known[match].index)
            }
            seen[identity, default: []].append((year, index))
            return .new
        }
    }
}
