/// How one request ended, before retry decisions.
enum HTTPAttempt: Sendable {
    /// The server answered (any status, redirects followed); `body` is complete.
    /// `address` is the class of the address the first request went to.
    case response(status: Int, headers: [String: String], body: [UInt8], address: AddressClass?)
    case failed(Problem)

    enum Problem: Sendable, Equatable {
        /// The whole attempt took longer than `fetch.http.timeout_seconds`.
        case timedOut
        /// No byte arrived for `fetch.http.idle_timeout_seconds`.
        case idle
        /// More bytes than `fetch.max_bytes`: announced by Content-Length or counted while
        /// streaming, after decoding.
        case tooLarge
        /// Response headers beyond `HTTPSession.maxHeaderBytes`.
        case headersTooLarge
        case tooManyRedirects
        /// A redirect to a URL that is not http:// or https://; the scheme.
        case redirectScheme(String)
        /// A connection refused by the address rule: the address, its class, the class it was
        /// reached from, and whether a redirect led there (else a feed's item did).
        case refusedAddress(String, AddressClass, from: AddressClass, redirect: Bool)
        /// The body's Content-Encoding is unknown or its data corrupt.
        case undecodable(String)
        /// Could not connect, or the connection broke; the text says how.
        case connection(String)

        var isRetryable: Bool {
            switch self {
            case .timedOut, .idle, .connection: true
            case .tooLarge, .headersTooLarge, .tooManyRedirects, .redirectScheme, .refusedAddress, .undecodable: false
            }
        }
    }
}
