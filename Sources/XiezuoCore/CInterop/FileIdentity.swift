/// A file as the kernel knows it, whatever its path: device and inode.
struct FileIdentity: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
}
