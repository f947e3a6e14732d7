#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The input roots of a run (the paths of `fetch.sources` or `--input`) as the kernel knows
/// them, to tell whether a symbolic link found in the walk leads outside them. The test goes
/// by device and inode, walking up from the link's target with `..`: no path is built or
/// compared, so `..`, links on the way, bind mounts and path length cannot fool it.
struct InputRoots {
    private var directories: Set<FileIdentity> = []
    private var files: Set<FileIdentity> = []

    /// The roots among `paths` that exist (a missing one stops the run elsewhere).
    init(paths: [String]) {
        for path in paths {
            guard let status = try? FileDescriptor.workingDirectory.status(of: Array(path.utf8), followingLinks: true) else { continue }
            if status.kind == .directory { directories.insert(status.identity) } else { files.insert(status.identity) }
        }
    }

    /// Whether the link `name` in `directory` leads to a file or directory inside the roots
    /// (`target` is what it leads to). When the way cannot be followed to its end, it is not.
    func contains(linkTarget target: FileStatus, of name: [UInt8], in directory: FileDescriptor) -> Bool {
        if files.contains(target.identity) { return true }
        do {
            if target.kind == .directory {
                return try contains(directory: directory.open(name, flags: SystemCall.openPathOnly | O_DIRECTORY))
            }
            return try contains(directory: Self.directoryHoldingTarget(of: name, in: directory))
        } catch {
            return false
        }
    }

    /// Whether `directory` is a root or lies below one: up through `..` until a root or `/`.
    private func contains(directory: FileDescriptor) throws(SystemCallError) -> Bool {
        var current = directory
        var status = try current.status()
        while true {
            if directories.contains(status.identity) { return true }
            let parent = try current.open(Array("..".utf8), flags: SystemCall.openPathOnly | O_DIRECTORY)
            let parentStatus = try parent.status()
            // `/` is its own parent.
            if parentStatus.identity == status.identity { return false }
            current = parent
            status = parentStatus
        }
    }

    /// The directory holding the file a chain of links starting at `name` ends at, following
    /// each link's text as the kernel would (a relative target from the link's own directory).
    private static func directoryHoldingTarget(of name: [UInt8], in directory: FileDescriptor) throws(SystemCallError)
        -> FileDescriptor
    {
        var directory = directory
        var name = name
        // The kernel's own limit on links followed in one lookup.
        for _ in 0..<40 {
            guard try directory.status(of: name, followingLinks: false).kind == .symbolicLink else { return directory }
            var target = try directory.linkTarget(of: name)
            while target.count > 1, target.last == SourceNaming.slash { target.removeLast() }
            guard let slash = target.lastIndex(of: SourceNaming.slash) else {
                name = target
                continue
            }
            let head = slash == 0 ? [SourceNaming.slash] : Array(target[..<slash])
            // An absolute head ignores `directory`, as `openat` does.
            directory = try directory.open(head, flags: SystemCall.openPathOnly | O_DIRECTORY)
            name = Array(target[(slash + 1)...])
        }
        throw SystemCallError(call: "readlinkat", code: ELOOP)
    }
}
