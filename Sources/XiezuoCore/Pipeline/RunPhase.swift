/// What a run is doing, as a progress display names it.
public enum RunPhase: String, Sendable {
    case starting
    /// fetch's read, clean and extract, per source on the workers.
    case reading
    /// Tonight's articles into the store.
    case storing
    case dedupe
    /// documents, facts, summary and rejects, then the staged files renamed into place.
    case writing
}
