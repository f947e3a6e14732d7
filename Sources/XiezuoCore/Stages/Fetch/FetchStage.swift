import Foundation

/// Fetch: lists the sources and reads their bytes. Listing is cheap and done first, so the
/// run knows its plan; reading happens on the workers, one source at a time.
public struct FetchStage: Sendable {
    public let config: FetchConfig

    public init(config: FetchConfig) {
        self.config = config
    }

    /// Every file under the configured sources, in a stable order: sources as listed, files
    /// within a directory by path (byte order). Names starting with "." are skipped.
    public func plan() throws(FetchError) -> [SourceReference] {
        var references: [SourceReference] = []
        let files = FileManager.default
        for root in config.sources {
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: root, isDirectory: &isDirectory) else { throw FetchError(path: root) }
            if !isDirectory.boolValue {
                let name = URL(fileURLWithPath: root).lastPathComponent
                references.append(SourceReference(ordinal: references.count, name: name, path: root))
                continue
            }
            let relativePaths = (files.enumerator(atPath: root)?.allObjects as? [String] ?? [])
                .filter { path in !path.split(separator: "/").contains { $0.hasPrefix(".") } }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for relative in relativePaths {
                let path = URL(fileURLWithPath: root).appendingPathComponent(relative).path
                // Directories are walked; anything else (a dangling link, a file that vanishes)
                // is planned, so that reading it fails loudly into rejects instead of vanishing.
                var childIsDirectory: ObjCBool = false
                if files.fileExists(atPath: path, isDirectory: &childIsDirectory), childIsDirectory.boolValue { continue }
                references.append(SourceReference(ordinal: references.count, name: relative, path: path))
            }
        }
        return references
    }

    /// The bytes of one source; a reject when it cannot be read or is too large.
    public func read(_ reference: SourceReference) throws(Reject) -> SourceDocument {
        func reject(_ reason: String) -> Reject { Reject(source: reference.name, stage: .fetch, reason: reason) }
        do {
            let bytes = try SourceFile.bytes(atPath: reference.path, limit: config.maxBytes)
            return SourceDocument(ordinal: reference.ordinal, name: reference.name, bytes: bytes)
        } catch {
            switch error {
            case .tooLarge(let size):
                throw reject("too large: \(size) bytes, more than fetch.max_bytes (\(config.maxBytes)); raise the limit to read it")
            case .system(call: "open", let reason):
                throw reject("cannot be read: it disappeared or is not accessible (\(reason))")
            case .system(_, let reason):
                throw reject("cannot be read: \(reason)")
            }
        }
    }
}
