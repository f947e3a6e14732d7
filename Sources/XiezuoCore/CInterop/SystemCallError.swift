#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A system call that failed: which call, `errno` right after it, and the path it was made
/// on when there is one. `reason` is the system's own words, lowercased as xiezuo's messages
/// write them (`no such file or directory`).
public struct SystemCallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The C function (`openat`, `fstatat`, `readdir`, `rename`, `flock`, …).
    public var call: String
    public var code: Int32
    public var path: String?

    init(call: String, code: Int32, path: String? = nil) {
        self.call = call
        self.code = code
        self.path = path
    }

    public var reason: String {
        Self.message(for: code).lowercased()
    }

    /// `strerror(code)` as the system writes it (`No such file or directory`).
    static func message(for code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// Whether the call found nothing at the path (`ENOENT`).
    public var isMissing: Bool { code == ENOENT }

    public var description: String {
        (path.map { "\($0): " } ?? "") + "\(call): \(reason)"
    }
}
