/// One GET for `CurlEasy.perform`: where, what to send and the limits that end it early.
struct CurlRequest {
    var url: String
    /// Request headers as `Name: value` lines, besides `User-Agent`.
    var headers: [String]
    var userAgent: String
    /// The whole transfer, from resolving the name to the last byte.
    var timeoutMilliseconds: Int
    /// Longest silence: while connecting, and (rounded up to whole seconds, curl's unit)
    /// while the response is under way.
    var idleMilliseconds: Int
    /// Decoded body bytes (after `Content-Encoding`) beyond which the transfer is stopped.
    var maxBodyBytes: Int
    /// Response header bytes beyond which the transfer is stopped.
    var maxHeaderBytes: Int
    /// Asked before each connection is opened, with the address; false refuses it, so that
    /// nothing at all is sent there (curl then tries the host's next address, if any).
    var allowsConnection: (SocketAddress) -> Bool
}
