import Dispatch

/// Caps requests under way: `overall` in all, `perHost` to one host and port. A request takes
/// its host's slot first, so one slow host cannot hold every overall slot while it waits.
/// `@unchecked Sendable`: `hosts` is touched only under `lock`; semaphores are thread-safe.
final class ConnectionLimiter: @unchecked Sendable {
    private let overall: DispatchSemaphore
    private let perHost: Int
    private let lock = Lock()
    private var hosts: [String: DispatchSemaphore] = [:]

    init(overall: Int, perHost: Int) {
        self.overall = DispatchSemaphore(value: overall)
        self.perHost = perHost
    }

    func withSlot<Result>(host: String, _ body: () -> Result) -> Result {
        let hostSlots = lock.withLock {
            if let existing = hosts[host] { return existing }
            let created = DispatchSemaphore(value: perHost)
            hosts[host] = created
            return created
        }
        hostSlots.wait()
        overall.wait()
        defer {
            overall.signal()
            hostSlots.signal()
        }
        return body()
    }
}
