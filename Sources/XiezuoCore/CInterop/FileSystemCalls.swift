import Foundation

/// The POSIX calls that publish a set of tables, each checked, failing with the call's name
/// and the system's words.
enum FileSystemCalls {
    static func rename(_ source: String, to target: String) throws(OutputError) {
        guard Foundation.rename(source, target) == 0 else { throw failure("rename", path: target) }
    }

    static func symlink(_ destination: String, at path: String) throws(OutputError) {
        guard Foundation.symlink(destination, path) == 0 else { throw failure("symlink", path: path) }
    }

    /// `fsync(2)` of a file or directory, so that a rename naming it survives a power loss.
    static func synchronize(_ path: String) throws(OutputError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure("open", path: path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("fsync", path: path) }
    }

    /// Every file and directory under `root`, then `root` itself.
    static func synchronizeTree(_ root: String) throws(OutputError) {
        let children = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        for child in children.sorted().reversed() {
            try synchronize(URL(fileURLWithPath: root).appendingPathComponent(child).path)
        }
        try synchronize(root)
    }

    private static func failure(_ call: String, path: String) -> OutputError {
        OutputError(path: path, message: "\(call): \(String(cString: strerror(errno)))")
    }
}
