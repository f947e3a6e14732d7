/// What a server said to identify a version of a page, sent back on the next night as
/// `If-None-Match` / `If-Modified-Since` so that an unchanged page is not downloaded again.
struct HTTPValidators: Sendable, Equatable {
    var etag: String?
    var lastModified: String?

    var isEmpty: Bool { etag == nil && lastModified == nil }
}
