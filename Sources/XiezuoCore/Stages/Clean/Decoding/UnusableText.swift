/// Why the bytes of a source cannot be cleaned: decoding failed or nothing was left. The
/// stage turns it into a `Reject`; the reason is one sentence for the rejects table.
struct UnusableText: Error, Sendable, Equatable {
    var reason: String
}
