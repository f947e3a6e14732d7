/// Why a URL or feed could not be downloaded, after every retry: the reason of its row in
/// `rejects`. The reason holds no timings, so that `rejects` is the same whatever the network
/// did (the log has the seconds).
struct HTTPFailure: Error, Sendable, Equatable {
    var reason: String
}
