/// How fetch may open a planned file, decided when the run is planned.
enum FileAccess: Sendable, Equatable {
    /// An input root named by the user: opened by its path, a link followed.
    case named
    /// An entry found by the walk: opened without following a link.
    case entry
    /// A symbolic link the walk allowed (it stays inside the input roots, or
    /// `fetch.follow_symlinks` is true): followed, and read only if it still leads to `target`.
    case link(target: FileIdentity)
    /// Not opened at all: the reason is the source's reject (a link out of the input roots, a
    /// directory that cannot be listed, …).
    case refused(reason: String)
}
