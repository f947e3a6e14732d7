/// A source that fetch has found but not read yet.
public struct SourceReference: Sendable, Equatable {
    public var ordinal: Int
    /// Path relative to its source root, or the URL (what `documents.source` shows).
    public var name: String
    /// Where to read it.
    var location: SourceLocation
}

/// Where a planned source's bytes come from.
enum SourceLocation: Sendable, Equatable {
    case file(path: String)
    case url(HTTPAddress)
}
