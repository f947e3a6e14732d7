/// Two walked directories are the same when they are the same object: the walk makes one per
/// directory it enters.
extension WalkedDirectory: Equatable {
    static func == (lhs: WalkedDirectory, rhs: WalkedDirectory) -> Bool {
        lhs === rhs
    }
}
