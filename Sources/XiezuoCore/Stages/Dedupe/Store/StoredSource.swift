/// What the store remembers of a source: the hash of its bytes when it was last processed.
public struct StoredSource: Sendable, Equatable {
    public var name: String
    public var contentHash: String
}
