#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Lists the files of one input root, through directory descriptors (`openat`, `fdopendir`,
/// `fstatat`) and raw byte names, so that neither a path's length nor a name that is not
/// UTF-8 can hide a file. Every file found is planned: read later, or rejected under its name.
///
/// The rules: entries in byte order of their path below the root (as a sort of the whole
/// paths would give); names starting with `.` skipped; directories walked, at most
/// `maximumDepth` levels deep; a link to a directory never walked (a link loop cannot make the
/// walk go round) — skipped when the directory lies inside the input roots, whose walk reads
/// its files, and rejected when it lies outside; a link to a file read under its own name
/// when it leads inside the input roots or `fetch.follow_symlinks` is true, and rejected
/// otherwise. Pipes, sockets and devices are planned like files and rejected at reading.
struct InputWalk {
    /// One planned file and its source name.
    struct Found {
        var name: String
        var file: PlannedFile
    }

    /// Deeper than any crawl; a bound so that a hostile tree costs at most this many opens per file.
    static let maximumDepth = 256

    let naming: SourceNaming
    let roots: InputRoots
    let followSymlinks: Bool

    /// The files of `root` (a path as given), in order; a missing root is a `FetchError`.
    func files(under root: String, _ found: (Found) -> Void) throws(FetchError) {
        let path = Array(root.utf8)
        let absolute = naming.absolute(path)
        func emit(_ access: FileAccess, size: Int?) {
            found(Found(name: naming.name(ofAbsolute: absolute), file: PlannedFile(directory: nil, name: path, access: access, size: size)))
        }
        let status: FileStatus
        do {
            status = try FileDescriptor.workingDirectory.status(of: path, followingLinks: true)
        } catch {
            if error.code == ENOENT || error.code == ENOTDIR { throw FetchError(path: root) }
            return emit(.refused(reason: "cannot be read: \(error.reason)"), size: nil)
        }
        guard status.kind == .directory else { return emit(.named, size: status.size) }
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.workingDirectory.open(path, flags: O_RDONLY | O_DIRECTORY)
        } catch {
            return emit(.refused(reason: "cannot be read: \(error.reason)"), size: nil)
        }
        var ancestors: Set<FileIdentity> = [status.identity]
        walk(WalkedDirectory(root: path), descriptor, absolute: absolute, depth: 0, ancestors: &ancestors, found)
    }

    private func walk(
        _ directory: WalkedDirectory, _ descriptor: FileDescriptor, absolute: [UInt8], depth: Int,
        ancestors: inout Set<FileIdentity>, _ found: (Found) -> Void
    ) {
        let names: [[UInt8]]
        do {
            names = try descriptor.entryNames()
        } catch {
            let file = PlannedFile(
                directory: directory.parent, name: directory.name, access: .refused(reason: "cannot be listed: \(error.reason)"), size: nil)
            return found(Found(name: naming.name(ofAbsolute: absolute), file: file))
        }
        let entries = names.filter { $0.first != UInt8(ascii: ".") }.map { name in
            let status = try? descriptor.status(of: name, followingLinks: false)
            // A directory sorts as its name and "/", as its files' paths do in a sort of whole paths.
            return (name: name, status: status, key: status?.kind == .directory ? name + [SourceNaming.slash] : name)
        }.sorted { $0.key.lexicographicallyPrecedes($1.key) }

        for entry in entries {
            let childAbsolute = absolute == [SourceNaming.slash] ? absolute + entry.name : absolute + [SourceNaming.slash] + entry.name
            func emit(_ access: FileAccess, size: Int?) {
                let file = PlannedFile(directory: directory, name: entry.name, access: access, size: size)
                found(Found(name: naming.name(ofAbsolute: childAbsolute), file: file))
            }
            guard let status = entry.status else {
                // Gone since it was listed, or not to be examined: reading it says why.
                emit(.entry, size: nil)
                continue
            }
            switch status.kind {
            case .directory:
                guard depth < Self.maximumDepth else {
                    emit(.refused(reason: "a directory more than \(Self.maximumDepth) levels below its input root; not walked"), size: nil)
                    continue
                }
                let child: FileDescriptor
                do {
                    child = try descriptor.open(entry.name, flags: O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
                } catch {
                    emit(.refused(reason: "cannot be read: \(error.reason)"), size: nil)
                    continue
                }
                // A directory mounted inside itself is walked once.
                guard ancestors.insert(status.identity).inserted else { continue }
                walk(
                    WalkedDirectory(entry.name, in: directory), child, absolute: childAbsolute, depth: depth + 1,
                    ancestors: &ancestors, found)
                ancestors.remove(status.identity)
            case .symbolicLink:
                guard let (access, size) = linkAccess(entry.name, in: descriptor) else { continue }
                emit(access, size: size)
            default:
                emit(.entry, size: status.kind == .regular ? status.size : nil)
            }
        }
    }

    /// How the link `name` is read; nil for a link to a directory inside the roots (skipped).
    private func linkAccess(_ name: [UInt8], in directory: FileDescriptor) -> (FileAccess, Int?)? {
        let text = (try? directory.linkTarget(of: name)).map(PathEscape.escape) ?? "an unreadable target"
        let target: FileStatus
        do {
            target = try directory.status(of: name, followingLinks: true)
        } catch {
            return (.refused(reason: "cannot be read: \(error.reason) (a symbolic link to \(text))"), nil)
        }
        if target.kind == .directory {
            if roots.contains(linkTarget: target, of: name, in: directory) { return nil }
            return (
                .refused(
                    reason: "a symbolic link to \(text), a directory outside the input roots; linked directories are not walked "
                        + "(list the directory in fetch.sources to read it)"), nil
            )
        }
        if followSymlinks || roots.contains(linkTarget: target, of: name, in: directory) {
            return (.link(target: target.identity), target.kind == .regular ? target.size : nil)
        }
        return (
            .refused(reason: "a symbolic link to \(text), outside the input roots; not followed (set fetch.follow_symlinks to true to read it)"),
            nil
        )
    }
}
