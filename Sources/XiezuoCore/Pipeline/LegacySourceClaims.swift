/// Which of tonight's files may take over what a store written before sources were named by
/// path holds under their legacy names (the path below their input root). A legacy name is
/// claimed only by a file that is new under its own name and the only one of tonight's files
/// with that legacy name; the file takes the history over only when its bytes are the ones the
/// name stood for, so a legacy `page001.html` is never handed to another night's `page001.html`.
struct LegacySourceClaims: Sendable {
    struct Claim: Sendable {
        var legacyName: String
        var source: LegacySource
    }

    /// Every legacy name still in the store.
    let names: Set<String>
    private let claims: [Int: Claim]

    init(plan: FetchPlan, known: [String: SourceVersion], legacy: [String: LegacySource]) {
        names = Set(legacy.keys)
        guard !legacy.isEmpty else {
            claims = [:]
            return
        }
        let tonight = Set(plan.references.map(\.name))
        var claimants: [String: [Int]] = [:]
        for reference in plan.references {
            guard known[reference.name] == nil, let legacyName = reference.legacyName, legacy[legacyName] != nil,
                !tonight.contains(legacyName)
            else { continue }
            claimants[legacyName, default: []].append(reference.ordinal)
        }
        var claims: [Int: Claim] = [:]
        for (legacyName, ordinals) in claimants where ordinals.count == 1 {
            if let source = legacy[legacyName] { claims[ordinals[0]] = Claim(legacyName: legacyName, source: source) }
        }
        self.claims = claims
    }

    func claim(of reference: SourceReference) -> Claim? {
        claims[reference.ordinal]
    }
}
