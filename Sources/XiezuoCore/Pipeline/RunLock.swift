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
/// Owns the lock file (`LockFile`); releasing the last reference closes it and so releases
/// the lock.
public final class RunLock: @unchecked Sendable {
    // @unchecked Sendable: `file` is only touched in `init`; afterwards the lock is held by
    // keeping `self` alive, and let go when it is released.
    public let path: String
    private let file: LockFile

    /// Takes the lock at `path`, creating the file and its directory if needed. Without
    /// `wait`, throws `.locked` naming the holder when another run has it; with `wait`,
    /// calls `waiting` with the holder once and blocks until the lock is free.
    public init(path: String, wait: Bool, waiting: (RunLockHolder?) -> Void = { _ in }) throws(RunLockError) {
        self.path = path
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        do {
            file = try LockFile(path: path)
        } catch {
            if case .system(let call, let code) = error.problem { throw .unavailable(path: path, call: call, errno: code) }
            throw .unsafe(error)
        }
        func unavailable(_ error: SystemCallError) -> RunLockError {
            .unavailable(path: path, call: error.call, errno: error.code)
        }
        let free: Bool
        do {
            free = try file.tryLock()
        } catch {
            throw unavailable(error)
        }
        if !free {
            let holder = RunLockHolder.decoded(from: file.contents())
            guard wait else { throw .locked(path: path, holder: holder) }
            waiting(holder)
            do {
                try file.lock()
            } catch {
                throw unavailable(error)
            }
        }
        do {
            try file.replaceContents(with: RunLockHolder.current().encoded())
        } catch {
            throw unavailable(error)
        }
    }

    /// The holder recorded in the lock file at `path`, if one can be read; nothing is read
    /// through a link or from anything but a plain file.
    public static func holder(at path: String) -> RunLockHolder? {
        guard PlainFile.problem(at: path) == nil,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return RunLockHolder.decoded(from: [UInt8](data))
    }
}
