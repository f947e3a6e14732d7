/// Why a run did not produce its tables. `exitCode` is what the CLI returns.
public enum RunError: Error, Sendable, CustomStringConvertible {
    /// A configured or given input path does not exist (exit 2, like a bad config).
    case missingInput(FetchError)
    /// The outputs could not be written (exit 1); the previous tables are intact.
    case output(OutputError)
    /// The article store could not be read or updated (exit 1); store and tables are intact.
    case store(StoreError)
    /// Per-article processing cannot start: a rule table is missing or malformed, or OpenCC's
    /// `clean.opencc_config` cannot be opened (exit 2). Found before the store is opened.
    case setup(ProcessorSetupError)
    /// The tables were written and switched to, but loading them into PostgreSQL failed
    /// (exit 1); the load was rolled back, so the schema is as the previous load left it.
    case load(PostgresError, schema: String)
    /// `dedupe.store` names a file in a directory that does not exist (exit 2): a typo there
    /// would otherwise start an empty history without a word.
    case missingStoreDirectory(store: String, directory: String)
    /// SIGTERM or SIGINT stopped the run (`RunInterruption`); store and tables are intact. The
    /// process ends by the signal, which shells report as 128 + the signal (143, 130).
    case interrupted(signal: Int32)

    public var exitCode: Int32 {
        switch self {
        case .missingInput, .setup, .missingStoreDirectory: return 2
        case .output, .store, .load: return 1
        case .interrupted(let signal): return 128 + signal
        }
    }

    public var description: String {
        switch self {
        case .missingInput(let error): return error.description
        case .setup(let error): return error.description
        case .missingStoreDirectory(let store, let directory):
            return "dedupe.store \(store): the directory \(directory) does not exist; create it, or correct dedupe.store "
                + "(xiezuo does not create it, so that a mistyped path cannot start an empty history)"
        case .output(let error): return "\(error); the previous outputs were left as they were"
        case .store(let error): return "\(error.description); the previous outputs were left as they were"
        case .load(let error, let schema):
            return "the tables were written, but loading them into PostgreSQL failed at \(error); "
                + "schema \(schema) was left as the previous load left it"
        case .interrupted(let signal):
            return "stopped by \(RunInterruption.name(of: signal)); the store and the previous outputs were left as they were"
                + " and this run's staging directory removed"
        }
    }
}
