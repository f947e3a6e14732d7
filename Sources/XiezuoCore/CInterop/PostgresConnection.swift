import CLibPQ
import Foundation

/// The only door to libpq: one connection to a PostgreSQL server. A final class owns the
/// `PGconn`, closes it in `deinit`, and checks every result; a failure keeps libpq's message
/// and the server's SQLSTATE. Used by one thread at a time.
final class PostgresConnection {
    private let connection: OpaquePointer

    /// Connects with a libpq connection string (`postgresql://user@host/db` or
    /// `host=… dbname=…`). The password comes from where libpq looks for it (`PGPASSWORD`, the
    /// password file); `defaults` are used where the string does not say otherwise.
    init(_ connectionString: String, defaults: [String: String]) throws(PostgresError) {
        // libpq processes the keywords in order and the last value of a keyword wins: the
        // defaults first, then the expanded connection string (expand_dbname).
        let keywords = defaults.keys.sorted() + ["dbname"]
        let values = keywords.dropLast().map { defaults[$0] ?? "" } + [connectionString]
        let opened = Self.withCStrings(keywords) { keywordPointers in
            Self.withCStrings(values) { valuePointers in PQconnectdbParams(keywordPointers, valuePointers, 1) }
        }
        guard let opened else { throw PostgresError(step: "connecting", message: "libpq could not allocate a connection") }
        connection = opened
        guard PQstatus(connection) == CONNECTION_OK else {
            throw PostgresError(step: "connecting", message: Self.trimmed(PQerrorMessage(connection)))
        }
    }

    deinit {
        PQfinish(connection)
    }

    /// Runs `sql` (one or more statements without parameters); fails on the first error.
    func execute(_ sql: String, step: String) throws(PostgresError) {
        try check(PQexec(connection, sql), expecting: [PGRES_COMMAND_OK, PGRES_TUPLES_OK], step: step)
    }

    /// The rows of a query, every value as text (nil for NULL).
    func query(_ sql: String, step: String) throws(PostgresError) -> [[String?]] {
        guard let result = PQexec(connection, sql) else { throw failure(step) }
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_TUPLES_OK else { throw failure(step, result: result) }
        var rows: [[String?]] = []
        for row in 0..<PQntuples(result) {
            rows.append(
                (0..<PQnfields(result)).map { column in
                    PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
                })
        }
        return rows
    }

    /// `COPY … FROM STDIN` with the bytes of the file at `path`, sent in 1 MiB pieces, so memory
    /// does not grow with the table. Returns the rows the server stored.
    @discardableResult
    func copy(_ sql: String, fromFile path: String, step: String) throws(PostgresError) -> Int {
        guard let started = PQexec(connection, sql) else { throw failure(step) }
        let status = PQresultStatus(started)
        guard status == PGRES_COPY_IN else {
            defer { PQclear(started) }
            throw failure(step, result: started)
        }
        PQclear(started)
        guard let file = FileHandle(forReadingAtPath: path) else {
            _ = PQputCopyEnd(connection, "the file could not be opened")
            drainResults()
            throw PostgresError(step: step, message: "\(path) cannot be read")
        }
        defer { try? file.close() }
        while true {
            let chunk: Data
            do {
                chunk = try file.read(upToCount: 1 << 20) ?? Data()
            } catch {
                _ = PQputCopyEnd(connection, "the file could not be read")
                drainResults()
                throw PostgresError(step: step, message: "\(path) cannot be read: \(error.localizedDescription)")
            }
            if chunk.isEmpty { break }
            let sent = chunk.withUnsafeBytes { bytes in
                PQputCopyData(connection, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
            }
            guard sent == 1 else { throw failure(step) }
        }
        guard PQputCopyEnd(connection, nil) == 1 else { throw failure(step) }
        guard let finished = PQgetResult(connection) else { throw failure(step) }
        defer {
            PQclear(finished)
            drainResults()
        }
        guard PQresultStatus(finished) == PGRES_COMMAND_OK else { throw failure(step, result: finished) }
        return Int(String(cString: PQcmdTuples(finished))) ?? 0
    }

    /// Splits a connection string the way libpq will read it: keyword → value. Throws libpq's
    /// words when it cannot be read.
    static func options(of connectionString: String) -> Result<[String: String], PostgresError> {
        var message: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(connectionString, &message) else {
            let text = message.map { trimmed(UnsafePointer($0)) } ?? "it cannot be read (out of memory)"
            if let message { PQfreemem(message) }
            return .failure(PostgresError(step: "reading the connection string", message: text))
        }
        defer { PQconninfoFree(parsed) }
        var options: [String: String] = [:]
        var option = parsed
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { options[String(cString: keyword)] = String(cString: value) }
            option += 1
        }
        return .success(options)
    }

    private func check(_ result: OpaquePointer?, expecting statuses: [ExecStatusType], step: String) throws(PostgresError) {
        guard let result else { throw failure(step) }
        defer { PQclear(result) }
        guard statuses.contains(PQresultStatus(result)) else { throw failure(step, result: result) }
    }

    /// The error of `result`, or of the connection when there is no result.
    private func failure(_ step: String, result: OpaquePointer? = nil) -> PostgresError {
        guard let result else { return PostgresError(step: step, message: Self.trimmed(PQerrorMessage(connection))) }
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
        var message = Self.trimmed(PQresultErrorMessage(result))
        if message.isEmpty { message = Self.trimmed(PQerrorMessage(connection)) }
        return PostgresError(step: step, message: message, sqlState: state)
    }

    /// Reads the results left after a COPY so the connection can take the next command.
    private func drainResults() {
        while let result = PQgetResult(connection) { PQclear(result) }
    }

    private static func trimmed(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "" }
        return String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
    }

    /// C copies of `strings` and a NULL after them, as libpq's keyword and value arrays.
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        let copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        defer { for copy in copies { free(copy) } }
        return body(copies.map { $0.map { UnsafePointer($0) } } + [nil])
    }
}
