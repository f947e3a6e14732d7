/// What the plan step (fetch's listing) reports: the sources it found and those it rejected
/// while planning (a feed that failed, a line of a URL file that is no URL).
struct PlanStepReport: Sendable, Equatable {
    /// Every source fetch received: planned references and planning rejects.
    var sources = 0
    var rejected = 0
    var seconds = 0.0
}
