/// PostgreSQL or libpq refused a step of the load. `message` is libpq's own words (the
/// server's error with its detail and hint, or why the connection failed) and `sqlState` the
/// server's SQLSTATE when it sent one (`42501` insufficient privilege, `57P01` shut down).
public struct PostgresError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What xiezuo was doing: `connecting`, `COPY xiezuo_run_7_….investments`, ….
    public var step: String
    public var message: String
    public var sqlState: String?

    public init(step: String, message: String, sqlState: String? = nil) {
        self.step = step
        self.message = message
        self.sqlState = sqlState
    }

    public var description: String {
        let state = sqlState.map { " (SQLSTATE \($0))" } ?? ""
        return "\(step): \(message)\(state)"
    }
}
