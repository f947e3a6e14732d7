/// An input named on the command line or in `fetch.sources` does not exist. The run stops
/// before doing anything (exit 2): a typo in a path must not pass as an empty night.
public struct FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String

    public var description: String {
        "input path \(path) does not exist; check --input or fetch.sources in pipeline.json"
    }
}
