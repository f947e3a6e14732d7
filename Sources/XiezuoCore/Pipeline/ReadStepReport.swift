/// What the read step reports: the per-source stages' counts and seconds (fetch, clean and
/// extract, summed over the workers), what was stored, and the step's wall seconds.
struct ReadStepReport: Sendable, Equatable {
    var bytes = 0
    var articles = 0
    /// Sources whose bytes and processor are those that made their stored articles.
    var unchanged = 0
    /// Rejects recorded tonight, planning rejects included.
    var rejects = 0
    /// Fetch, clean and extract; fetch's records in were counted by the plan step.
    var stages: [StageName: RunReport.StageReport] = [:]
    /// Wall seconds of the parallel read, and of recording in the store within it.
    var workersSeconds = 0.0
    var storeSeconds = 0.0

    mutating func update(_ stage: StageName, _ change: (inout RunReport.StageReport) -> Void) {
        change(&stages[stage, default: RunReport.StageReport()])
    }
}
