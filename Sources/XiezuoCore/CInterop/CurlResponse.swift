/// What one `CurlEasy.perform` brought back: the last response's status, headers and body as
/// far as they came, and how the transfer ended.
struct CurlResponse {
    /// The HTTP status of the last response; 0 when none arrived.
    var status: Int
    /// The last response's headers, names lowercased (a repeated header keeps its last value).
    var headers: [String: String]
    /// The decoded body, at most `CurlRequest.maxBodyBytes`.
    var body: [UInt8]
    /// Where a 3xx response points, made absolute against the request's URL; nil otherwise.
    var redirectURL: String?
    /// The address of the connection the response came over.
    var primaryAddress: String?
    /// Nil when the transfer completed.
    var failure: CurlFailure?
    var milliseconds: Int
}
