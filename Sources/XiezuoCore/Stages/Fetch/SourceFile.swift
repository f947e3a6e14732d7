#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Reads a planned file whole, straight into the array the pipeline keeps. Its type is checked
/// before it is opened, so a named pipe, a socket or a device is never opened for reading (a
/// pipe with no writer would block the run forever); it is opened with `O_NONBLOCK` and
/// checked again after opening, in case it was swapped meanwhile. A walked entry is opened
/// without following a link, and an allowed link only while it leads where it did when the
/// run was planned.
enum SourceFile {
    enum Failure: Error, Equatable {
        /// A system call failed: the call and the system's reason.
        case system(call: String, reason: String)
        /// The file holds more than the limit allows.
        case tooLarge(bytes: Int)
        /// Not a regular file: what it is.
        case notRegular(FileKind)
        /// A link that leads elsewhere than when the run was planned.
        case linkChanged
        /// Refused when planned; the reason says why.
        case refused(String)
    }

    static func bytes(of file: PlannedFile, limit: Int) throws(Failure) -> [UInt8] {
        let follows: Bool
        switch file.access {
        case .refused(let reason): throw .refused(reason)
        case .named, .link: follows = true
        case .entry: follows = false
        }
        do {
            let directory = try file.directory?.open() ?? FileDescriptor.workingDirectory
            let status = try directory.status(of: file.name, followingLinks: follows)
            try check(status, of: file)
            if status.size > limit { throw Failure.tooLarge(bytes: status.size) }
            let descriptor = try directory.open(file.name, flags: O_RDONLY | O_NONBLOCK | (follows ? 0 : O_NOFOLLOW))
            let opened = try descriptor.status()
            try check(opened, of: file)
            return try contents(of: descriptor, size: opened.size, limit: limit)
        } catch let error as SystemCallError {
            throw .system(call: error.call, reason: error.reason)
        } catch let error as Failure {
            throw error
        } catch {
            throw .system(call: "read", reason: "\(error)")
        }
    }

    /// The file at `path` as an input root names it.
    static func bytes(atPath path: String, limit: Int) throws(Failure) -> [UInt8] {
        try bytes(of: PlannedFile(directory: nil, name: Array(path.utf8), access: .named, size: nil), limit: limit)
    }

    private static func check(_ status: FileStatus, of file: PlannedFile) throws(Failure) {
        if case .link(let target) = file.access, status.identity != target { throw .linkChanged }
        guard status.kind == .regular else { throw .notRegular(status.kind) }
    }

    /// As few `read`s as the size needs, one byte more than the size so that a file that grew
    /// since `fstat` is read to its end (or to just past the limit) rather than cut short.
    private static func contents(of descriptor: FileDescriptor, size: Int, limit: Int) throws -> [UInt8] {
        if size > limit { throw Failure.tooLarge(bytes: size) }
        var bytes = [UInt8](repeating: 0, count: max(size, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { throw Failure.tooLarge(bytes: count) }
                bytes.append(contentsOf: repeatElement(0, count: 1 << 16))
            }
            let received = try bytes.withUnsafeMutableBytes { buffer throws(SystemCallError) in
                try descriptor.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
            }
            if received == 0 { break }
            count += received
        }
        if count > limit { throw Failure.tooLarge(bytes: count) }
        bytes.removeLast(bytes.count - count)
        return bytes
    }
}
