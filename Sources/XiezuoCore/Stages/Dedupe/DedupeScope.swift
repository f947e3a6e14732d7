/// Which articles tonight's articles are compared with.
public enum DedupeScope: String, Sendable, CaseIterable, Equatable {
    /// Every article of earlier runs, kept in the store; the tables hold the whole history.
    case history
    /// Only this run's articles; nothing is kept between runs.
    case run
}
