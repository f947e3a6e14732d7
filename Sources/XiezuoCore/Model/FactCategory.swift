/// Every category of EXTRACTION.md; each belongs to exactly one table.
public enum FactCategory: String, Sendable, CaseIterable, Codable {
    // investments: money
    case investment, fund, donation, trade, output, income
    // jobs: people
    case employment, positions, transfer, training, beneficiaries
    // projects: counts
    case projects, enterprises, parks, events, pairings

    public var table: FactTable {
        switch self {
        case .investment, .fund, .donation, .trade, .output, .income: return .investments
        case .employment, .positions, .transfer, .training, .beneficiaries: return .jobs
        case .projects, .enterprises, .parks, .events, .pairings: return .projects
        }
    }
}
