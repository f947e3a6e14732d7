import Foundation

/// A run could not take its lock.
public enum RunLockError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another run holds the lock (exit 3). `holder` is nil when its record could not be read.
    case locked(path: String, holder: RunLockHolder?)
    /// The lock file cannot be created or locked, e.g. its directory is not writable (exit 1).
    case unavailable(path: String, call: String, errno: Int32)
    /// Something other than a plain file is at the lock's path: a symbolic link, a directory,
    /// a FIFO, a second name of another file (exit 1). It is left alone.
    case unsafe(PlainFileError)

    public var exitStatus: ExitStatus {
        switch self {
        case .locked: return .locked
        case .unavailable, .unsafe: return .failed
        }
    }

    public var description: String {
        switch self {
        case .locked(let path, let holder?):
            return "another xiezuo run (pid \(holder.pid) on \(holder.host), started \(holder.started)) holds \(path); "
                + "wait for it or pass --wait"
        case .locked(let path, nil):
            return "another xiezuo run holds \(path) (its pid could not be read); wait for it or pass --wait"
        case .unavailable(let path, let call, let code):
            return "cannot lock \(path): \(call) failed: \(SystemCallError.message(for: code)); "
                + "check that the directory exists and is writable"
        case .unsafe(let error):
            return "cannot lock: \(error)"
        }
    }
}
