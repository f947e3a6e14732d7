/// Why a transfer did not complete, in the terms fetch decides on (libcurl's codes stay in
/// `CurlEasy`). `text` is libcurl's own description, without timings.
enum CurlFailure: Sendable, Equatable {
    /// The body grew past `CurlRequest.maxBodyBytes` (counted after decoding, or announced
    /// by `Content-Length`).
    case bodyTooLarge
    /// The response headers grew past `CurlRequest.maxHeaderBytes`.
    case headersTooLarge
    /// Every address of the host was refused by `CurlRequest.allowsConnection`; the first
    /// refused one.
    case refused(SocketAddress)
    /// The whole-transfer timeout, or the idle one, ran out.
    case timedOut
    case cannotResolve
    case cannotConnect
    /// The connection closed before the announced end of the body.
    case cutShort(String)
    case tls(String)
    /// The body's `Content-Encoding` is unknown or its data is corrupt.
    case badEncoding(String)
    case other(String)
}
