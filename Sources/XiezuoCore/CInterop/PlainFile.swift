#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import Foundation

/// Opens the files xiezuo writes (the lock, the staged tables) the one safe way: never through
/// a symbolic link at the last component, and only when what is there is a regular file with
/// no other name. A nightly job often runs as root in a directory that others can write to; a
/// link planted at `store.sqlite.lock` or in a staging directory would otherwise make it
/// overwrite whatever the link points at.
///
/// Every descriptor is handed over to an owner that closes it: a `FileHandle` (which closes
/// it on deallocation) or a `LockFile` (which closes it in its `deinit`).
enum PlainFile {
    /// A new file at `path`, opened for writing. Fails when anything is there already — a
    /// file, a directory, a link (even a dangling one): `O_CREAT | O_EXCL` never follows links.
    static func createNew(_ path: String, permissions: mode_t = 0o644) throws(PlainFileError) -> FileHandle {
        do {
            let descriptor = try SystemCall.check("open", path: path) {
                open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
            }
            return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        } catch {
            throw PlainFileError(
                path: path, problem: error.code == EEXIST ? problem(at: path) ?? .exists : .system(call: error.call, code: error.code))
        }
    }

    /// The regular file at `path`, created if absent, opened for reading and writing; the raw
    /// descriptor, which the caller must close. Refuses a link, a directory, a FIFO, a device
    /// or a file with a second hard link (which would be another file's content).
    static func openOrCreate(_ path: String, permissions: mode_t = 0o644) throws(PlainFileError) -> Int32 {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        let descriptor: Int32
        do {
            descriptor = try SystemCall.check("open", path: path) {
                open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, permissions)
            }
        } catch {
            throw PlainFileError(path: path, problem: problem(at: path) ?? .system(call: error.call, code: error.code))
        }
        var status = stat()
        do {
            _ = try SystemCall.check("fstat", path: path) { fstat(descriptor, &status) }
        } catch {
            close(descriptor)
            throw PlainFileError(path: path, problem: .system(call: error.call, code: error.code))
        }
        if let problem = problem(with: status) {
            close(descriptor)
            throw PlainFileError(path: path, problem: problem)
        }
        return descriptor
    }

    /// What makes the existing entry at `path` unfit to be opened as a plain file, or nil when
    /// it is a regular file with one name or nothing is there. Read with `lstat`, so a link is
    /// seen as a link.
    static func problem(at path: String) -> PlainFileError.Problem? {
        var status = stat()
        guard (try? SystemCall.check("lstat", path: path) { lstat(path, &status) }) != nil else { return nil }
        return problem(with: status)
    }

    private static func problem(with status: stat) -> PlainFileError.Problem? {
        switch status.st_mode & S_IFMT {
        case S_IFREG: return status.st_nlink > 1 ? .hardLinked : nil
        case S_IFLNK: return .symbolicLink
        case S_IFDIR: return .notRegular("a directory")
        case S_IFIFO: return .notRegular("a named pipe")
        case S_IFSOCK: return .notRegular("a socket")
        default: return .notRegular("a device")
        }
    }
}
