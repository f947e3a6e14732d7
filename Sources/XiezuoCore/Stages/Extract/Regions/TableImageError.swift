/// Why a compiled table image cannot be used. None of these is fatal: the tables are then
/// compiled from their CSV sources, which only costs start-up time.
enum TableImageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not start with the expected tag.
    case notAnImage
    /// The image is of another format version (an older or newer xiezuo compiled it).
    case otherVersion(found: UInt32, expected: UInt32)
    /// The image was compiled from other CSV files than the ones beside it.
    case otherSources
    /// The image is cut short or its bytes were changed.
    case damaged(String)
    /// The file cannot be read.
    case unreadable(String)

    var description: String {
        switch self {
        case .notAnImage: "it is not a compiled table image"
        case .otherVersion(let found, let expected): "it is of format version \(found), this xiezuo reads version \(expected)"
        case .otherSources: "it was compiled from other CSV files than the ones beside it"
        case .damaged(let detail): "it is damaged: \(detail)"
        case .unreadable(let reason): "it cannot be read (\(reason))"
        }
    }
}
