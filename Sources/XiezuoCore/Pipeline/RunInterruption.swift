import Dispatch
import Foundation

/// SIGTERM and SIGINT during a run (systemd stopping the service, an operator's Ctrl-C): the
/// run stops at its next checkpoint, its store transaction is rolled back, its staging
/// directory removed, and the caller logs `run failed` and ends the process by the signal
/// (`terminate`), so that shells see 128 + the signal (143, 130) and systemd a clean stop.
///
/// Checkpoints sit between sources and between written articles, so a run normally stops
/// within a fraction of a second. Work that cannot be interrupted (a long libxml2 parse, a
/// download waiting for its timeout, the wait for another run's lock) is not waited for
/// beyond `grace` seconds, nor after a second signal: the registered staging directories are
/// removed and the process ends by the signal as if killed — the store's uncommitted
/// transaction is then rolled back by SQLite when the store is next opened, exactly as after
/// SIGKILL. A signal that arrives once the store has begun to commit is too late to stop
/// anything: the run finishes (a few renames) as if none had come.
///
/// `@unchecked Sendable`: every field is read and written under `lock`.
public final class RunInterruption: @unchecked Sendable {
    /// The signals handled.
    public static let signals: [Int32] = [SIGTERM, SIGINT]

    private let lock = Lock()
    private let queue = DispatchQueue(label: "xiezuo.signals")
    private var sources: [any DispatchSourceSignal] = []
    private var received: Int32?
    private var committing = false
    private var exiting = false
    private var stagingPaths: Set<String> = []

    public init() {}

    /// Handles SIGTERM and SIGINT from now on. When a signal's run does not end within
    /// `grace` seconds (or a second signal comes), `forced` is called once, with the signal,
    /// after the staging directories are removed; the process then ends by the signal.
    public func install(grace: Double, forced: @escaping @Sendable (Int32) -> Void) {
        for number in Self.signals {
            // Dispatch sees the signal only while its default action (ending the process) is off.
            ProcessSignals.ignore(number)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in
                // The first signal starts the grace period; a second one ends the run now.
                let (first, stopping) = lock.withLock { () -> (Bool, Int32?) in
                    guard !committing, !exiting else { return (false, nil) }
                    if let received { return (false, received) }
                    received = number
                    return (true, number)
                }
                guard let stopping else { return }
                if first {
                    queue.asyncAfter(deadline: .now() + grace) { [self] in force(stopping, forced) }
                } else {
                    force(stopping, forced)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The signal received, if the run is to stop.
    public var receivedSignal: Int32? {
        lock.withLock { committing ? nil : received }
    }

    /// Throws `.interrupted` when a signal asks the run to stop.
    public func check() throws(RunError) {
        if let receivedSignal { throw .interrupted(signal: receivedSignal) }
    }

    /// The run is about to commit its store: from here on it finishes. Throws `.interrupted`
    /// when a signal came first.
    public func enterCommit() throws(RunError) {
        let signal = lock.withLock { () -> Int32? in
            if let received { return received }
            committing = true
            return nil
        }
        if let signal { throw .interrupted(signal: signal) }
    }

    /// Whether the caller may end the process now; false when the forced path already does.
    public func claimExit() -> Bool {
        lock.withLock {
            defer { exiting = true }
            return !exiting
        }
    }

    /// A staging directory to remove should the run be ended by force.
    public func register(staging path: String) {
        lock.withLock { _ = stagingPaths.insert(path) }
    }

    public func unregister(staging path: String) {
        lock.withLock { _ = stagingPaths.remove(path) }
    }

    private func force(_ number: Int32, _ forced: @Sendable (Int32) -> Void) {
        let paths = lock.withLock { () -> [String]? in
            guard !committing, !exiting else { return nil }
            exiting = true
            return Array(stagingPaths)
        }
        guard let paths else { return }
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
        forced(number)
        Self.terminate(by: number)
    }

    /// Ends the process by `number` with its default action, as if the signal had not been
    /// handled: the parent sees a process killed by SIGTERM (a shell shows 143).
    public static func terminate(by number: Int32) -> Never {
        ProcessSignals.terminate(by: number)
    }

    /// `SIGTERM`, `SIGINT`, or `signal N`.
    public static func name(of number: Int32) -> String {
        switch number {
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        default: "signal \(number)"
        }
    }
}
