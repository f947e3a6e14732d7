#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The one wrapper every raw POSIX call of xiezuo goes through (as swift-nio's
/// `NIOPosix/System.swift` does): a call interrupted by a signal is made again, and a failure
/// becomes a `SystemCallError` naming the call, `errno` right after it and, when given, the
/// path it was made on.
enum SystemCall {
    static func check<Result: FixedWidthInteger>(
        _ call: String, path: String? = nil, _ body: () -> Result
    ) throws(SystemCallError) -> Result {
        while true {
            let result = body()
            if result != -1 { return result }
            let code = errno
            if code != EINTR { throw SystemCallError(call: call, code: code, path: path) }
        }
    }

    /// The same for a call that returns a pointer, NULL on failure.
    static func check<Result>(_ call: String, path: String? = nil, _ body: () -> Result?) throws(SystemCallError) -> Result {
        while true {
            if let result = body() { return result }
            let code = errno
            if code != EINTR { throw SystemCallError(call: call, code: code, path: path) }
        }
    }

    /// Linux's `O_PATH` (a descriptor that names a file without opening it for reading, so a
    /// directory needs only search permission, and a pipe never blocks); Glibc's Swift module
    /// does not export it. The value is the same on every architecture Swift supports on Linux.
    static let openPathOnly: Int32 = 0o10_000_000
}
