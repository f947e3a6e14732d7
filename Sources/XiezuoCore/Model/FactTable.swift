/// The three fact tables of EXTRACTION.md.
public enum FactTable: String, Sendable, CaseIterable, Codable, Comparable {
    case investments
    case jobs
    case projects

    public static func < (lhs: FactTable, rhs: FactTable) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
