import Foundation

/// Who holds a run lock: written into the lock file so that a refused run can name it.
public struct RunLockHolder: Sendable, Equatable, Codable {
    public var pid: Int32
    public var host: String
    /// ISO-8601 UTC, to the second.
    public var started: String

    public init(pid: Int32, host: String, started: String) {
        self.pid = pid
        self.host = host
        self.started = started
    }

    /// This process, now.
    public static func current() -> RunLockHolder {
        RunLockHolder(
            pid: ProcessInfo.processInfo.processIdentifier, host: ProcessInfo.processInfo.hostName,
            started: Date().formatted(Date.ISO8601FormatStyle())
        )
    }

    /// One JSON line with sorted keys.
    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()).map { $0 } + [10]
    }

    /// The holder written in a lock file; nil while the holder is still writing it, or when the
    /// file was written by something else.
    static func decoded(from bytes: [UInt8]) -> RunLockHolder? {
        try? JSONDecoder().decode(RunLockHolder.self, from: Data(bytes))
    }
}
