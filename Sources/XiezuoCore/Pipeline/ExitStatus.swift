/// The exit codes scripts and cron rely on. `RunError.exitCode` maps a failed run onto 1 or 2.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// The tables were written, also when some inputs were rejected.
    case ok = 0
    /// The run failed; the previous tables and store were left as they were.
    case failed = 1
    /// Bad usage or configuration: an unknown option, a bad pipeline.json, a missing input path.
    case usage = 2
    /// Another run holds the lock; nothing was done.
    case locked = 3
    /// `--strict` and the run rejected something; the tables were still written.
    case rejected = 4
}
