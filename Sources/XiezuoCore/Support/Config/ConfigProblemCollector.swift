/// The problems found while decoding one `pipeline.json`, so that decoding goes on past a bad
/// key and `validate` lists every problem at once, as it promises: while a collector is
/// `current`, the decoding helpers (`StrictDecoding.swift`) record a key's error here and take
/// the key's default instead of stopping.
///
/// `@unchecked Sendable`: a collector is made, filled and read by one decoding on one thread.
final class ConfigProblemCollector: @unchecked Sendable {
    @TaskLocal static var current: ConfigProblemCollector?

    /// Thrown once the problems of a value have been recorded: its caller takes the default
    /// and records nothing more.
    struct Recorded: Error {}

    private(set) var problems: [ConfigProblem] = []

    func record(_ error: any Error) {
        guard !(error is Recorded) else { return }
        problems.append(ConfigError.problem(from: error))
    }

    /// Records `error` when a collector is current (and returns normally); throws it otherwise.
    static func recordOrThrow(_ error: any Error) throws {
        guard let collector = current else { throw error }
        collector.record(error)
    }
}
