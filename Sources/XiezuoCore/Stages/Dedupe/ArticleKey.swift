/// An article's identity across nights: its source and its part within it. Two copies of one
/// story share a doc_id (a hash of the text), never a key.
public struct ArticleKey: Sendable, Hashable, Comparable {
    public var source: String
    public var part: Int

    public init(source: String, part: Int) {
        self.source = source
        self.part = part
    }

    /// Table order: sources by UTF-8 bytes (as SQLite's BINARY collation sorts), then parts.
    public static func < (lhs: ArticleKey, rhs: ArticleKey) -> Bool {
        if lhs.source != rhs.source { return lhs.source.utf8.lexicographicallyPrecedes(rhs.source.utf8) }
        return lhs.part < rhs.part
    }
}
