/// `"seeds"` in code reads as it does in `fetch.sources`: a path, or a URL when it is one.
extension FetchSource: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(string: value)
    }
}
