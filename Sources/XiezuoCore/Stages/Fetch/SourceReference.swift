/// A source that fetch has found but not read yet.
public struct SourceReference: Sendable, Equatable {
    public var ordinal: Int
    /// What `source` shows in the tables and the store's key: a file's path relative to the
    /// directory of `pipeline.json` (absolute outside it; see `SourceNaming`), or the URL.
    public var name: String
    /// Where to read it.
    var location: SourceLocation
    /// The name xiezuo gave a file before names were paths (its path below its input root),
    /// under which a store written then may hold it; nil for a URL.
    var legacyName: String? = nil

    /// The size of a file as planned; nil for a URL or a file that could not be examined.
    public var plannedSize: Int? {
        if case .file(let file) = location { file.size } else { nil }
    }

    /// A file's path as given (escaped), or the URL.
    public var locationText: String {
        switch location {
        case .file(let file): file.path
        case .url(let address): address.text
        }
    }
}
