import Foundation

/// A mutex with a scoped `withLock`, the one way shared state is guarded in the pipeline.
final class Lock: @unchecked Sendable {
    // `@unchecked Sendable`: NSLock is thread-safe; it is only ever used through withLock.
    private let lock = NSLock()

    func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
