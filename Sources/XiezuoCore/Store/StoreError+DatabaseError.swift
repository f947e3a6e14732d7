import Foundation
import GRDB

extension StoreError {
    /// `error` from SQLite (through GRDB) as a store error with its cause; `doing` says what
    /// failed ("cannot be opened", "the run's changes could not be stored").
    init(path: String, doing: String, error: any Error) {
        guard let database = error as? DatabaseError else {
            if let error = error as? StoreError {
                self = error
            } else {
                self.init(path: path, message: "\(doing) (\(error))")
            }
            return
        }
        let cause: Cause
        switch database.resultCode {
        case .SQLITE_CORRUPT: cause = .damaged
        case .SQLITE_NOTADB: cause = .notADatabase
        case .SQLITE_FULL: cause = .diskFull
        case .SQLITE_IOERR: cause = .ioError
        case .SQLITE_READONLY, .SQLITE_PERM: cause = .readOnly
        case .SQLITE_BUSY, .SQLITE_LOCKED: cause = .busy
        case .SQLITE_CANTOPEN: cause = .cannotOpen
        default: cause = .other
        }
        // SQLite's own words name the code ("database or disk is full"); the SQL is noise here.
        let detail = database.message.map { "SQLite error \(database.extendedResultCode.rawValue): \($0)" } ?? "\(database)"
        self.init(path: path, message: "\(doing) (\(detail))", cause: cause)
    }
}
