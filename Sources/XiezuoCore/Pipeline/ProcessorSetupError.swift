/// Per-article processing cannot start: a rule table is missing, unreadable or malformed, or
/// OpenCC cannot be opened. Found once, at setup (`ArticleProcessor.init`), before anything is
/// locked, opened or written; `xiezuo run`, `run --dry-run` and `validate` exit 2 with its
/// description, which names the stage, the code, the path, what is wrong and what to do:
///
///     extract cannot start (resource_missing) at /srv/xiezuo/rules/regions.csv: the gazetteer
///     cannot be read (openat: no such file or directory); restore the file, or remove
///     "resources" from pipeline.json to use the tables xiezuo ships
public struct ProcessorSetupError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The directory `resources` names does not exist or is no directory.
        case resourcesMissing = "resources_missing"
        /// A rule table is not there.
        case resourceMissing = "resource_missing"
        /// A rule table is there but cannot be read (permissions, not a regular file).
        case resourceUnreadable = "resource_unreadable"
        /// A rule table was read but is not what xiezuo expects (its header, a record).
        case resourceInvalid = "resource_invalid"
        /// OpenCC cannot open `clean.opencc_config`.
        case openCCUnavailable = "opencc_unavailable"
    }

    public var code: Code
    /// The stage that cannot start.
    public var stage: StageName
    /// The file or directory at fault (for OpenCC, its configuration).
    public var path: String
    /// What is wrong, without the path.
    public var problem: String
    /// What to do about it.
    public var remedy: String
    /// The error underneath, as a value: a `SystemCallError`, `CSVError`, `GazetteerError`,
    /// `ProgrammeVocabularyError` or `CleanSetupError`.
    public var cause: (any Error & Sendable)?

    public init(
        code: Code, stage: StageName, path: String, problem: String, remedy: String, cause: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.stage = stage
        self.path = path
        self.problem = problem
        self.remedy = remedy
        self.cause = cause
    }

    public var description: String {
        "\(stage.rawValue) cannot start (\(code.rawValue)) at \(path): \(problem); \(remedy)"
    }
}
