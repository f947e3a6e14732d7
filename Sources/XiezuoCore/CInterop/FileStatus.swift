#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// What xiezuo uses of a `stat` result.
struct FileStatus: Sendable, Equatable {
    var kind: FileKind
    var size: Int
    var identity: FileIdentity

    init(_ status: stat) {
        kind = FileKind(mode: UInt32(status.st_mode))
        size = Int(status.st_size)
        identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }
}
