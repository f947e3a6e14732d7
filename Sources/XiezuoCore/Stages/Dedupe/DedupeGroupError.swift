/// A dedupe group that cannot be decided as given: the runner that built it has a bug.
public enum DedupeGroupError: Error, Sendable, Equatable, CustomStringConvertible {
    case repeatedRank(Int)
    case unknownRank(Int)

    public var description: String {
        switch self {
        case .repeatedRank(let rank): "the group lists rank \(rank) twice; each article once"
        case .unknownRank(let rank): "a pair names rank \(rank), which is not among the group's articles; list every article its pairs name"
        }
    }
}
