/// A source that fetch has found but not read yet.
public struct SourceReference: Sendable, Equatable {
    public var ordinal: Int
    /// Path relative to its source root (what `documents.source` shows).
    public var name: String
    /// Where to read it.
    public var path: String
}
