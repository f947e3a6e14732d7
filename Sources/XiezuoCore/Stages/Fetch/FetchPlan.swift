/// What fetch will read tonight, in processing order, and the sources that failed while the
/// plan was made (a feed that cannot be downloaded, a line of a URL file that is no URL).
public struct FetchPlan: Sendable {
    public var references: [SourceReference] = []
    public var rejects: [Reject] = []
    /// Feeds and URL files read while planning: their rejects of earlier nights are replaced by
    /// tonight's (none when they were read well).
    public var lists: [String] = []

    /// The URL sources, for `URLPrefetcher`.
    var downloads: [SourceReference] {
        references.filter { if case .url = $0.location { true } else { false } }
    }
}
