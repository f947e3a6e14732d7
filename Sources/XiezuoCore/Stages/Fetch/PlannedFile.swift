/// A file fetch has found and will read (or reject) on a worker.
struct PlannedFile: Sendable, Equatable {
    /// The directory it lies in; nil for a file named as an input root, whose `name` is then
    /// its path as given.
    var directory: WalkedDirectory?
    /// The name in `directory`, as raw bytes.
    var name: [UInt8]
    var access: FileAccess
    /// The size the walk saw; nil when it could not tell.
    var size: Int?

    /// The path as a person would type it, escaped (for the dry-run plan).
    var path: String {
        guard let directory else { return PathEscape.escape(name) }
        let parent = directory.path
        return PathEscape.escape(parent.last == SourceNaming.slash ? parent + name : parent + [SourceNaming.slash] + name)
    }
}
