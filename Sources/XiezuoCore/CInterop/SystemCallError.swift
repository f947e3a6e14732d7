#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A system call that failed: which call, and `errno` right after it. `reason` is the
/// system's own words, lowercased as xiezuo's messages write them (`no such file or directory`).
struct SystemCallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The C function (`openat`, `fstatat`, `readdir`, …).
    var call: String
    var code: Int32

    var reason: String {
        String(cString: strerror(code)).lowercased()
    }

    var description: String {
        "\(call): \(reason)"
    }
}
