/// An input or record that could not be processed: a row of `rejects`.
public struct Reject: Sendable, Equatable, Error {
    public var source: String
    public var stage: StageName
    /// One sentence a person understands: what is wrong and, where it helps, what to do.
    public var reason: String

    public init(source: String, stage: StageName, reason: String) {
        self.source = source
        self.stage = stage
        self.reason = reason
    }
}
