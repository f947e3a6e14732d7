#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A lock file held with `flock(2)`: owns the descriptor and closes it in `deinit`, which
/// releases the lock (the kernel also drops it when the process dies). Opened as a plain file
/// of xiezuo's own (`PlainFile.openOrCreate`), since a holder record is written into it.
///
/// Not `Sendable`: one run opens it, holds it and lets it go.
final class LockFile {
    let path: String
    private let descriptor: Int32

    init(path: String) throws(PlainFileError) {
        self.path = path
        descriptor = try PlainFile.openOrCreate(path)
    }

    deinit {
        close(descriptor)
    }

    /// Takes the exclusive lock if no one holds it; false when someone does.
    func tryLock() throws(SystemCallError) -> Bool {
        do {
            _ = try SystemCall.check("flock", path: path) { flock(descriptor, LOCK_EX | LOCK_NB) }
            return true
        } catch {
            guard error.code == EWOULDBLOCK else { throw error }
            return false
        }
    }

    /// Waits for the exclusive lock.
    func lock() throws(SystemCallError) {
        _ = try SystemCall.check("flock", path: path) { flock(descriptor, LOCK_EX) }
    }

    /// Up to `limit` bytes from the start of the file.
    func contents(limit: Int = 4096) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: limit)
        let read: Result<Int, SystemCallError> = bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(SystemCallError) in
                try SystemCall.check("pread", path: path) { pread(descriptor, buffer.baseAddress, buffer.count, 0) }
            }
        }
        let count = (try? read.get()) ?? 0
        return Array(bytes[..<max(count, 0)])
    }

    /// Replaces the file's content with `bytes`; a reader may briefly see it empty.
    func replaceContents(with bytes: [UInt8]) throws(SystemCallError) {
        _ = try SystemCall.check("ftruncate", path: path) { ftruncate(descriptor, 0) }
        let written: Result<Int, SystemCallError> = bytes.withUnsafeBytes { buffer in
            Result { () throws(SystemCallError) in
                try SystemCall.check("pwrite", path: path) { pwrite(descriptor, buffer.baseAddress, buffer.count, 0) }
            }
        }
        if try written.get() != bytes.count { throw SystemCallError(call: "pwrite", code: EIO, path: path) }
    }
}
