/// Where an article sits in the run's input: its source's ordinal and its part within it.
/// Two copies of one story share a doc_id (a hash of the text), never a position.
public struct ArticlePosition: Sendable, Hashable, Comparable {
    public var ordinal: Int
    public var part: Int

    public init(ordinal: Int, part: Int) {
        self.ordinal = ordinal
        self.part = part
    }

    public static func < (lhs: ArticlePosition, rhs: ArticlePosition) -> Bool {
        (lhs.ordinal, lhs.part) < (rhs.ordinal, rhs.part)
    }
}
