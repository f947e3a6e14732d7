import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `xiezuo` binary like `XiezuoProcess`, but through `posix_spawn` and `wait4`
/// so that the child's own peak memory (max RSS) and wall time are known, and with a deadline
/// after which it is killed: a hang fails the test instead of stalling the suite.
struct MeasuredProcess {
    struct Result {
        var status: Int32
        var stderr: String
        /// Peak resident memory of the child, in bytes.
        var maxResidentBytes: Int
        var seconds: Double
        var timedOut: Bool
    }

    struct SpawnFailure: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "posix_spawn of xiezuo failed: \(String(cString: strerror(code)))" }
    }

    /// `addressSpace`, when given, is the child's `RLIMIT_AS` in bytes (`ulimit -v`): the
    /// shell sets it and then becomes xiezuo, so the limit binds the run from its first byte.
    static func run(_ arguments: [String], deadline seconds: Double, addressSpace: Int? = nil) throws -> Result {
        let errorPath = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-stderr-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var binary = XiezuoProcess.binary.path
        var words = [binary] + arguments
        if let addressSpace {
            words = ["/bin/sh", "-c", "ulimit -v \(addressSpace / 1024) && exec \"$0\" \"$@\""] + words
            binary = "/bin/sh"
        }
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = DispatchTime.now().uptimeNanoseconds
        var pid: pid_t = 0
        // The child inherits the test's working directory: callers pass absolute paths.
        let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environ)
        guard spawned == 0 else { throw SpawnFailure(code: spawned) }
        let killed = KillSwitch()
        let watchdog = DispatchWorkItem { [pid] in
            killed.set()
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: watchdog)
        let peak = PeakMemoryWatch(pid: pid)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        watchdog.cancel()
        let watched = peak.stop()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exited = status & 0x7F == 0
        return Result(
            status: exited ? (status >> 8) & 0xFF : -(status & 0x7F),
            stderr: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "",
            maxResidentBytes: watched ?? Int(usage.ru_maxrss) * 1024, seconds: elapsed, timedOut: killed.isSet
        )
    }
}

/// The child's peak memory, read from `/proc/PID/status` (`VmHWM`, the high-water mark of its
/// own address space) every 10 ms until it exits. `ru_maxrss` from `wait4` is not used when
/// this works: posix_spawn starts the child in the test process's address space (vfork), and
/// Linux carries that space's peak into the child's `ru_maxrss` across exec, so a test process
/// grown large by earlier tests would be charged to the child.
private final class PeakMemoryWatch: @unchecked Sendable {
    // `@unchecked Sendable`: `peak` and `running` are guarded by `lock`.
    private let lock = NSLock()
    private var peak: Int?
    private var running = true
    private let finished = DispatchSemaphore(value: 0)

    init(pid: pid_t) {
        let path = "/proc/\(pid)/status"
        Thread.detachNewThread { [self] in
            while isRunning {
                if let status = try? String(contentsOfFile: path, encoding: .utf8),
                    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                    let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
                {
                    record(kilobytes * 1024)
                }
                usleep(10_000)
            }
            finished.signal()
        }
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func record(_ bytes: Int) {
        lock.lock()
        peak = max(peak ?? 0, bytes)
        lock.unlock()
    }

    /// Stops watching; the highest mark seen, or nil when none could be read.
    func stop() -> Int? {
        lock.lock()
        running = false
        lock.unlock()
        finished.wait()
        lock.lock()
        defer { lock.unlock() }
        return peak
    }
}

/// Set once by the watchdog, read after the child is reaped. `@unchecked Sendable`: guarded by its lock.
private final class KillSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
