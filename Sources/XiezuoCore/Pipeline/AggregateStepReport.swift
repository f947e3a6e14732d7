/// What the aggregate step reports: the kept facts it folded, per table, and the summary
/// groups they made.
struct AggregateStepReport: Sendable, Equatable {
    /// By table name, every table present (0 when it has no fact).
    var facts: [String: Int] = Dictionary(uniqueKeysWithValues: FactTable.allCases.map { ($0.rawValue, 0) })
    var summaryRows = 0
    var seconds = 0.0

    var factsIn: Int { facts.values.reduce(0, +) }
}
