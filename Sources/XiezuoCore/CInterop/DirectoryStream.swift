#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A directory being listed: owns the `DIR *` of `fdopendir` and closes it in `deinit`. It
/// lists a duplicate of the directory's descriptor, so the directory stays open for `openat`.
final class DirectoryStream {
    private let stream: OpaquePointer

    init(listing directory: FileDescriptor) throws(SystemCallError) {
        let copy = try SystemCall.check("dup") { dup(directory.raw) }
        do {
            stream = try SystemCall.check("fdopendir") { fdopendir(copy) }
        } catch {
            close(copy)
            throw error
        }
    }

    deinit {
        closedir(stream)
    }

    /// Every name but "." and "..", as raw bytes.
    func names() throws(SystemCallError) -> [[UInt8]] {
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw SystemCallError(call: "readdir", code: errno) }
                return names
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in Array(buffer.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
    }
}
