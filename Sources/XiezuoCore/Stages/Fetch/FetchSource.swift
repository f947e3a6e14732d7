/// One entry of `fetch.sources`.
///
/// A plain string is a file or directory path, unless it starts with `http://` or `https://`:
/// then it is one URL. Objects name the other kinds: `{"urls": [...]}` (URLs inline),
/// `{"url_file": "path"}` (a file of one URL per line) and `{"feed": "url"}` (an RSS 2.0 or
/// Atom feed whose items link to articles).
public enum FetchSource: Sendable, Equatable {
    case path(String)
    case url(String)
    case urls([String])
    case urlFile(String)
    case feed(String)

    /// How a command-line `--input` or a plain string in `fetch.sources` is read.
    public init(string: String) {
        self = HTTPAddress.isHTTP(string) ? .url(string) : .path(string)
    }

    /// The same entry with its file path resolved against `base` (URLs are left alone).
    func resolvingPaths(against base: String) -> FetchSource {
        switch self {
        case .path(let path): .path(PathResolution.resolve(path, against: base))
        case .urlFile(let path): .urlFile(PathResolution.resolve(path, against: base))
        case .url, .urls, .feed: self
        }
    }

    func problems(at path: String) -> [ConfigProblem] {
        switch self {
        case .path(let value):
            return value.isEmpty ? [ConfigProblem(path: path, message: "an empty path; remove it")] : []
        case .urlFile(let value):
            return value.isEmpty ? [ConfigProblem(path: "\(path).url_file", message: "an empty path; remove it")] : []
        case .url(let value):
            return Self.urlProblems(value, at: path)
        case .feed(let value):
            return Self.urlProblems(value, at: "\(path).feed")
        case .urls(let values):
            if values.isEmpty { return [ConfigProblem(path: "\(path).urls", message: "list at least one URL")] }
            return values.enumerated().flatMap { index, value in Self.urlProblems(value, at: "\(path).urls[\(index)]") }
        }
    }

    private static func urlProblems(_ value: String, at path: String) -> [ConfigProblem] {
        guard HTTPAddress(value) != nil else {
            return [ConfigProblem(path: path, message: "\"\(value)\" is not an http:// or https:// URL with a host")]
        }
        return []
    }
}
