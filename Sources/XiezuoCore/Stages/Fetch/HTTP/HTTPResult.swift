/// A download that ended well: the body, or the server's word that it has not changed.
enum HTTPResult: Sendable {
    /// A 2xx response: its body, the `charset` of its `Content-Type`, its validators and the
    /// class of the address the request went to.
    case body([UInt8], charset: String?, validators: HTTPValidators, address: AddressClass?)
    /// A 304 answer to a conditional request.
    case notModified
}
