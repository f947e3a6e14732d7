#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// An open file descriptor, closed in `deinit`. Paths and names are raw bytes, as the kernel
/// takes them, and every call is relative to a descriptor (`openat`, `fstatat`, `readlinkat`),
/// so a walk can go as deep as it likes: no path longer than one name is ever built.
///
/// Not `Sendable`: a descriptor is used by the thread that opened it.
final class FileDescriptor {
    let raw: Int32
    private let owned: Bool

    private init(raw: Int32, owned: Bool) {
        self.raw = raw
        self.owned = owned
    }

    deinit {
        if owned { close(raw) }
    }

    /// The working directory, for paths as the user wrote them (never closed).
    static var workingDirectory: FileDescriptor {
        FileDescriptor(raw: AT_FDCWD, owned: false)
    }

    /// Opens `name` (one name, or a path) relative to this directory. `O_CLOEXEC` is always
    /// added. `path` names the file in an error.
    func open(_ name: [UInt8], flags: Int32, path: String? = nil) throws(SystemCallError) -> FileDescriptor {
        let cPath = try Self.cString(name, for: "openat")
        let descriptor = try SystemCall.check("openat", path: path) { openat(raw, cPath, flags | O_CLOEXEC) }
        return FileDescriptor(raw: descriptor, owned: true)
    }

    /// `fstat` of the open file.
    func status() throws(SystemCallError) -> FileStatus {
        var status = stat()
        _ = try SystemCall.check("fstat") { fstat(raw, &status) }
        return FileStatus(status)
    }

    /// `fstatat` of `name` in this directory; a symbolic link itself unless `followingLinks`.
    func status(of name: [UInt8], followingLinks: Bool) throws(SystemCallError) -> FileStatus {
        let path = try Self.cString(name, for: "fstatat")
        var status = stat()
        _ = try SystemCall.check("fstatat") { fstatat(raw, path, &status, followingLinks ? 0 : AT_SYMLINK_NOFOLLOW) }
        return FileStatus(status)
    }

    /// The text of the symbolic link `name` in this directory.
    func linkTarget(of name: [UInt8]) throws(SystemCallError) -> [UInt8] {
        let path = try Self.cString(name, for: "readlinkat")
        var buffer = [CChar](repeating: 0, count: 256)
        while true {
            let count = try SystemCall.check("readlinkat") { readlinkat(raw, path, &buffer, buffer.count) }
            // A full buffer may mean a longer target: try again with more room.
            if count < buffer.count { return buffer.prefix(count).map { UInt8(bitPattern: $0) } }
            buffer = [CChar](repeating: 0, count: buffer.count * 2)
        }
    }

    /// Everything from the current offset to the end of the file, `expected` bytes or more
    /// (one byte more is asked for, so that a file that grew since `fstat` is read whole).
    func readToEnd(expected: Int) throws(SystemCallError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(expected, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 1 << 16)) }
            let received: Result<Int, SystemCallError> = bytes.withUnsafeMutableBytes { buffer in
                Result { () throws(SystemCallError) in try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...])) }
            }
            let got = try received.get()
            if got == 0 { break }
            count += got
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// Reads into `buffer` from the current offset; 0 at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemCallError) -> Int {
        try SystemCall.check("read") { Glibc.read(raw, buffer.baseAddress, buffer.count) }
    }

    /// The names in this directory, "." and ".." left out, in the order the system gives them.
    func entryNames() throws(SystemCallError) -> [[UInt8]] {
        try DirectoryStream(listing: self).names()
    }

    /// `bytes` with the terminating NUL the calls need. A NUL inside would make the call name
    /// another file than the one meant, so it is refused as the kernel refuses bad arguments.
    private static func cString(_ bytes: [UInt8], for call: String) throws(SystemCallError) -> [CChar] {
        guard !bytes.contains(0) else { throw SystemCallError(call: call, code: EINVAL) }
        return bytes.map { CChar(bitPattern: $0) } + [0]
    }
}
