extension PipelineConfig {
    /// The file a run locks. With scope "history" it sits beside the store (`store.sqlite.lock`),
    /// since the store is what two runs must not update at once, even from different output
    /// directories. With scope "run" nothing outlives the run but the tables, so the lock is
    /// `.xiezuo.lock` inside the output directory (hidden, like the staging directories).
    public var runLockPath: String {
        switch dedupe.scope {
        case .history: return dedupe.storePath(outputDirectory: output.directory) + ".lock"
        case .run: return PathResolution.resolve(".xiezuo.lock", against: output.directory)
        }
    }
}
