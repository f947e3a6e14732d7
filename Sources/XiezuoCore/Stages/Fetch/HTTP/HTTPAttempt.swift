/// How one request ended, before retry decisions.
enum HTTPAttempt: Sendable {
    /// The server answered (any status); `body` is complete.
    case response(status: Int, headers: [String: String], body: [UInt8])
    case failed(Problem)

    enum Problem: Sendable, Equatable {
        /// The whole attempt took longer than `fetch.http.timeout_seconds`.
        case timedOut
        /// No byte arrived for `fetch.http.idle_timeout_seconds`.
        case idle
        /// More bytes than `fetch.max_bytes`: announced by Content-Length or counted while streaming.
        case tooLarge
        case tooManyRedirects
        /// The connection closed before the announced length arrived.
        case truncated(received: Int, expected: Int)
        /// Could not connect, or the connection broke; the text says how.
        case connection(String)

        var isRetryable: Bool {
            switch self {
            case .timedOut, .idle, .truncated, .connection: true
            case .tooLarge, .tooManyRedirects: false
            }
        }
    }
}
