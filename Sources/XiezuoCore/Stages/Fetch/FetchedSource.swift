/// What fetch's read gave for one source.
enum FetchedSource: Sendable {
    /// The source's bytes, with the validators to remember for a URL.
    case document(SourceDocument, validators: HTTPValidators?)
    /// The server answered 304 to a conditional request: the stored articles stand.
    case notModified
}
