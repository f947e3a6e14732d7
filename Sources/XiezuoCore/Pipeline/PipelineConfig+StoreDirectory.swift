import Foundation

extension PipelineConfig {
    /// Refuses a `dedupe.store` whose directory does not exist (scope "history"). The default
    /// store lives in the output directory, which a run creates; a store named explicitly is
    /// an existing history, and a missing directory means a typo, not a first night.
    public func checkStoreDirectory() throws(RunError) {
        guard dedupe.scope == .history, !dedupe.store.isEmpty else { return }
        let directory = URL(fileURLWithPath: dedupe.store).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingStoreDirectory(store: dedupe.store, directory: directory)
        }
    }
}
