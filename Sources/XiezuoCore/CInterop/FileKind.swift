/// What `stat` says a directory entry is.
enum FileKind: Sendable, Equatable {
    case regular
    case directory
    case symbolicLink
    case namedPipe
    case socket
    case characterDevice
    case blockDevice
    case unknown

    init(mode: UInt32) {
        switch mode & 0o170_000 {
        case 0o100_000: self = .regular
        case 0o040_000: self = .directory
        case 0o120_000: self = .symbolicLink
        case 0o010_000: self = .namedPipe
        case 0o140_000: self = .socket
        case 0o020_000: self = .characterDevice
        case 0o060_000: self = .blockDevice
        default: self = .unknown
        }
    }
}
