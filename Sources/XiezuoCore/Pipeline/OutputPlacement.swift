import Foundation

/// Refuses an output directory or store that lies inside an input directory (each night would
/// read its own tables and store as articles), and an input inside the sets of tables of the
/// output directory (`runs/`, where `current` points; xiezuo also removes old sets there).
/// Paths are compared after resolving `..` and symbolic links, so another spelling of the same
/// directory is caught too. Other inputs may sit inside the output directory.
public enum OutputPlacement {
    /// One sentence naming both paths, or nil when they are apart.
    public static func problem(in config: PipelineConfig) -> String? {
        let output = canonical(config.output.directory)
        let sets = canonical(PathResolution.resolve(OutputLayout.runs, against: config.output.directory))
        let store = config.dedupe.scope == .history ? canonical(config.dedupe.storePath(outputDirectory: config.output.directory)) : nil
        for source in config.fetch.sources {
            guard case .path(let root) = source else { continue }
            let input = canonical(root)
            if contains(input, output) {
                return "the output directory \(config.output.directory) is inside the input \(root): each run would read its own "
                    + "tables and store as articles; choose an output directory outside it (--output or output.directory)"
            }
            if contains(sets, input) {
                return "the input \(root) is one of xiezuo's own sets of tables in \(config.output.directory); "
                    + "copy what you need out of it, or choose another output directory"
            }
            if let store, contains(input, store) {
                return "the store \(config.dedupe.storePath(outputDirectory: config.output.directory)) is inside the input \(root): "
                    + "each run would read it as an article; choose a store outside it (dedupe.store)"
            }
        }
        return nil
    }

    /// Whether `inner` is `outer` or lies under it.
    static func contains(_ outer: String, _ inner: String) -> Bool {
        inner == outer || inner.hasPrefix(outer == "/" ? "/" : outer + "/")
    }

    /// The absolute path with `.`, `..` and the symbolic links of its existing part resolved.
    static func canonical(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            missing.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var resolved = existing.resolvingSymlinksInPath()
        for component in missing { resolved.appendPathComponent(component) }
        return resolved.standardizedFileURL.path
    }
}
