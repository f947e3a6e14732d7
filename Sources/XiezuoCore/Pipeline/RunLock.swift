import Foundation

/// One xiezuo run at a time per store: an exclusive `flock(2)` on a file beside the store,
/// held for the whole run. The kernel drops the lock when its holder's descriptor closes,
/// so a run killed outright (SIGKILL, OOM, power loss) never blocks the next one. The file
/// itself stays: deleting a lock file while another process waits on it would let two runs in.
///
/// The file is opened as a plain file of xiezuo's own (`PlainFile`): never through a symbolic
/// link, never a FIFO or a device, never a second name of another file, since the holder
/// record is written into it and a root cron job must not overwrite whatever a planted link
/// points at.
///
/// Owns the descriptor; `deinit` closes it and so releases the lock.
public final class RunLock: Sendable {
    public let path: String
    private let descriptor: Int32

    /// Takes the lock at `path`, creating the file and its directory if needed. Without
    /// `wait`, throws `.locked` naming the holder when another run has it; with `wait`,
    /// calls `waiting` with the holder once and blocks until the lock is free.
    public init(path: String, wait: Bool, waiting: (RunLockHolder?) -> Void = { _ in }) throws(RunLockError) {
        self.path = path
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let descriptor: Int32
        do {
            descriptor = try PlainFile.openOrCreate(path)
        } catch {
            if case .system(let call, let code) = error.problem { throw .unavailable(path: path, call: call, errno: code) }
            throw .unsafe(error)
        }
        do {
            try Self.lock(descriptor, path: path, wait: wait, waiting: waiting)
            try Self.record(RunLockHolder.current(), in: descriptor, path: path)
        } catch {
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// The holder recorded in the lock file at `path`, if one can be read; nothing is read
    /// through a link or from anything but a plain file.
    public static func holder(at path: String) -> RunLockHolder? {
        guard PlainFile.problem(at: path) == nil,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return RunLockHolder.decoded(from: [UInt8](data))
    }

    /// The holder recorded in the open lock file.
    private static func holder(in descriptor: Int32) -> RunLockHolder? {
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return RunLockHolder.decoded(from: Array(bytes[..<count]))
    }

    private static func lock(
        _ descriptor: Int32, path: String, wait: Bool, waiting: (RunLockHolder?) -> Void
    ) throws(RunLockError) {
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        guard errno == EWOULDBLOCK else { throw .unavailable(path: path, call: "flock", errno: errno) }
        let holder = holder(in: descriptor)
        guard wait else { throw .locked(path: path, holder: holder) }
        waiting(holder)
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .unavailable(path: path, call: "flock", errno: errno) }
        }
    }

    /// Replaces the file's content with `holder`; a reader may briefly see it empty.
    private static func record(_ holder: RunLockHolder, in descriptor: Int32, path: String) throws(RunLockError) {
        guard ftruncate(descriptor, 0) == 0 else { throw .unavailable(path: path, call: "ftruncate", errno: errno) }
        let bytes = holder.encoded()
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        guard written == bytes.count else { throw .unavailable(path: path, call: "pwrite", errno: errno) }
    }
}
