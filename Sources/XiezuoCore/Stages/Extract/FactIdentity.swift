/// What makes two mentions in one article the same fact: the same category, value,
/// qualifier and unit, with years that do not contradict each other (one may be unknown).
/// The unit tells apart two facts that share a number: 吸纳140余名… and 就业140余人.
struct FactIdentity: Hashable, Sendable {
    var category: FactCategory
    var value: ExactDecimal
    var qualifier: Qualifier
    /// 元, or the classifier (名, 人, 个…).
    var unit: String

    /// The value alone: equal identities have equal values, and hashing the category, qualifier
    /// and unit (their strings) cost more than the rest of the look-up. Identities of one article
    /// that share a value and differ otherwise share a bucket, and `==` tells them apart.
    func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }

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
            // One hash of the identity when it is known (its unit is a string), two when it is new.
            guard let slot = seen.index(forKey: identity) else {
                seen[identity] = [(year, index)]
                return .new
            }
            if let match = seen.values[slot].firstIndex(where: { $0.year == nil || year == nil || $0.year == year }) {
                let first = seen.values[slot][match]
                // Once the first is given a year, a later mention with another year is a new fact.
                if first.year == nil, let year { seen.values[slot][match].year = year }
                return .repeated(first.index)
            }
            seen.values[slot].append((year, index))
            return .new
        }
    }
}
