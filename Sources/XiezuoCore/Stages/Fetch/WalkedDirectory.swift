#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A directory the input walk went into: an input root (by its path as given) or an entry of
/// another walked directory (by its name there). Files keep a reference to their directory,
/// so the plan stores each directory's name once, and a file is opened later through its
/// directories' descriptors, one name at a time: however long the whole path, no call ever
/// takes more than one name.
///
/// `Sendable`: immutable once made.
final class WalkedDirectory: Sendable {
    let parent: WalkedDirectory?
    /// The root's path as given, or the name in `parent`.
    let name: [UInt8]

    init(root path: [UInt8]) {
        parent = nil
        name = path
    }

    init(_ name: [UInt8], in parent: WalkedDirectory) {
        self.parent = parent
        self.name = name
    }

    /// The path as a person would type it: the root as given, then the names.
    var path: [UInt8] {
        var chain: [[UInt8]] = []
        var directory: WalkedDirectory? = self
        while let current = directory {
            chain.append(current.name)
            directory = current.parent
        }
        var path: [UInt8] = []
        for name in chain.reversed() {
            if !path.isEmpty && path.last != SourceNaming.slash { path.append(SourceNaming.slash) }
            path += name
        }
        return path
    }

    /// A descriptor naming this directory (`O_PATH`: enough to open what lies in it). The root
    /// is opened by its path and may be a link, since the user named it; below it, no link is
    /// followed, so a directory swapped for a link since the walk cannot lead out of the tree.
    func open() throws(SystemCallError) -> FileDescriptor {
        var chain: [WalkedDirectory] = []
        var directory: WalkedDirectory? = self
        while let current = directory {
            chain.append(current)
            directory = current.parent
        }
        let flags = SystemCall.openPathOnly | O_DIRECTORY
        var descriptor = FileDescriptor.workingDirectory
        for (index, current) in chain.reversed().enumerated() {
            descriptor = try descriptor.open(current.name, flags: index == 0 ? flags : flags | O_NOFOLLOW)
        }
        return descriptor
    }
}
