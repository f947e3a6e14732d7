#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A whole file mapped read-only into memory (`mmap`), unmapped in `deinit`. Used for the
/// compiled rule tables: their pages come from the page cache, shared by every xiezuo process,
/// and nothing is parsed or copied to open them.
///
/// `@unchecked Sendable`: the mapping is private, read-only and never changed or unmapped while
/// the object lives, so any thread may read `bytes`.
final class MappedFile: @unchecked Sendable {
    /// The file's bytes (empty for an empty file).
    let bytes: UnsafeRawBufferPointer
    private let base: UnsafeMutableRawPointer?

    /// Maps the regular file at `path`; anything else (a directory, a pipe, a device) is refused
    /// as `EINVAL` without being read (`O_NONBLOCK`: opening a pipe does not wait for a writer).
    init(path: String) throws(SystemCallError) {
        let descriptor = try SystemCall.check("open") { open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        defer { close(descriptor) }
        var status = stat()
        _ = try SystemCall.check("fstat") { fstat(descriptor, &status) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw SystemCallError(call: "mmap", code: EINVAL) }
        let length = Int(status.st_size)
        guard length > 0 else {
            base = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            throw SystemCallError(call: "mmap", code: errno)
        }
        base = mapped
        bytes = UnsafeRawBufferPointer(start: mapped, count: length)
    }

    deinit {
        if let base { munmap(base, bytes.count) }
    }
}
