/// A source that fetch has found but not read yet.
public struct SourceReference: Sendable, Equatable {
    public var ordinal: Int
    /// What `source` shows in the tables and the store's key: a file's path relative to the
    /// directory of `pipeline.json` (absolute outside it; see `SourceNaming`), or the URL.
    public var name: String
    /// Where to read it.
    var location: SourceLocation
    /// The name xiezuo gave a file before names were paths (its path below its input root, or
    /// the last component of a file named as an input root), under which a store written then
    /// may hold it; nil for a URL. Worked out only when a store has such names.
    var legacyName: String? {
        guard case .file(let file) = location else { return nil }
        guard let directory = file.directory else {
            return PathEscape.escape(file.name.split(separator: SourceNaming.slash).last.map(Array.init) ?? file.name)
        }
        var names = [file.name]
        var current = directory
        while let parent = current.parent {
            names.append(current.name)
            current = parent
        }
        return PathEscape.escape(Array(names.reversed().joined(separator: [SourceNaming.slash])))
    }

    /// The size of a file as planned; nil for a URL or a file that could not be examined.
    public var plannedSize: Int? {
        if case .file(let file) = location { file.size } else { nil }
    }

    /// A file's path as given (escaped), or the URL.
    public var locationText: String {
        switch location {
        case .file(let file): file.path
        case .url(let address): address.text
        }
    }
}
