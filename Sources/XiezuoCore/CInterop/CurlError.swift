/// A failure of libcurl itself, not of a transfer: a handle that cannot be made or an option
/// this libcurl does not know (built without a feature xiezuo needs).
struct CurlError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The call that failed and, for an option, its name.
    var call: String
    /// libcurl's description of the code.
    var reason: String

    var description: String { "libcurl: \(call) failed (\(reason)); xiezuo needs libcurl 7.85 or later (Debian's libcurl4-openssl-dev)" }
}
