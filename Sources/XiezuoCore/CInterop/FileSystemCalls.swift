#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import Foundation

/// The file-system calls that publish outputs and replace the store, each through
/// `SystemCall`: a failure names the call, the path and the system's words.
enum FileSystemCalls {
    static func rename(_ source: String, to target: String) throws(SystemCallError) {
        _ = try SystemCall.check("rename", path: target) { Glibc.rename(source, target) }
    }

    static func symlink(_ destination: String, at path: String) throws(SystemCallError) {
        _ = try SystemCall.check("symlink", path: path) { Glibc.symlink(destination, path) }
    }

    /// `fsync(2)` of a file or directory, so that a rename naming it survives a power loss.
    static func synchronize(_ path: String) throws(SystemCallError) {
        let descriptor = try SystemCall.check("open", path: path) { open(path, O_RDONLY | O_CLOEXEC) }
        defer { close(descriptor) }
        _ = try SystemCall.check("fsync", path: path) { fsync(descriptor) }
    }

    /// Every file and directory under `root`, then `root` itself.
    static func synchronizeTree(_ root: String) throws(SystemCallError) {
        let children = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        for child in children.sorted().reversed() {
            try synchronize(URL(fileURLWithPath: root).appendingPathComponent(child).path)
        }
        try synchronize(root)
    }

    /// The whole regular file at `path` (a rule table, a configuration): opened without
    /// blocking on a FIFO, refused unless it is a regular file, read to its end.
    static func contents(ofFileAt path: String) throws(SystemCallError) -> [UInt8] {
        let descriptor = try FileDescriptor.workingDirectory.open(Array(path.utf8), flags: O_RDONLY | O_NONBLOCK, path: path)
        let status = try descriptor.status()
        guard status.kind == .regular else {
            throw SystemCallError(call: "open", code: status.kind == .directory ? EISDIR : EINVAL, path: path)
        }
        return try descriptor.readToEnd(expected: status.size)
    }
}
