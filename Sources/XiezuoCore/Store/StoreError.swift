/// The article store could not be opened or updated. The run exits 1; the store is left as
/// the last successful run committed it. The advice depends on the cause: deleting the store
/// is the cure only when it is damaged, never when the disk is full or read-only.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why, as far as SQLite and the file system tell.
    public enum Cause: Sendable, Equatable {
        /// SQLITE_CORRUPT, a failed `quick_check`, or rows that do not decode.
        case damaged
        /// SQLITE_NOTADB: the file is not an SQLite database.
        case notADatabase
        /// SQLITE_FULL: the disk (or the file size limit) is full.
        case diskFull
        /// SQLITE_IOERR: the system failed a read or write.
        case ioError
        /// SQLITE_READONLY or SQLITE_PERM, or a file system mounted read-only.
        case readOnly
        /// SQLITE_BUSY or SQLITE_LOCKED: another program holds the store locked.
        case busy
        /// SQLITE_CANTOPEN: the file or its directory cannot be opened.
        case cannotOpen
        /// A symbolic link, a directory, a FIFO … where the store or its journal belongs.
        case notAPlainFile
        case other
    }

    public var path: String
    public var message: String
    public var cause: Cause

    public init(path: String, message: String, cause: Cause = .other) {
        self.path = path
        self.message = message
        self.cause = cause
    }

    public var description: String {
        "article store \(path): \(message); \(advice)"
    }

    /// What the operator should do.
    public var advice: String {
        switch cause {
        case .damaged:
            return "the store is damaged: restore it from a backup, or rebuild it from the sources with "
                + "xiezuo run --full-refresh (see README, \"The store: backups and damage\")"
        case .notADatabase:
            return "this is not an SQLite database: check that dedupe.store names the store; if it does, restore the "
                + "store from a backup or rebuild it with xiezuo run --full-refresh (see README, \"The store: backups and damage\")"
        case .diskFull:
            return "the disk is full: free space and run again; the store is intact, do not delete it"
        case .ioError:
            return "the system reported an I/O error: check the disk (dmesg) and run again; the store is as the last "
                + "successful run left it, do not delete it"
        case .readOnly:
            return "the store or its directory is read-only: make both writable for the user that runs xiezuo"
        case .busy:
            return "another program holds the store locked (sqlite3, a backup): let it finish and run again"
        case .cannotOpen:
            return "check that its directory exists and that the user that runs xiezuo may write there"
        case .notAPlainFile:
            return "nothing was written through it"
        case .other:
            return "the store is as the last successful run left it"
        }
    }
}
