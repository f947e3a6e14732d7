import Foundation

/// `pipeline.json` could not be used. The CLI exits 2 with this description.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The configuration file, as given.
    public var file: String
    public var problems: [ConfigProblem]

    public init(file: String, problems: [ConfigProblem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        let lines = problems.map { "  \($0)" }.joined(separator: "\n")
        return "invalid configuration \(file):\n\(lines)"
    }

    /// Translates Foundation's decoding error into a problem naming the key path and what
    /// to write instead.
    static func problem(from error: any Error) -> ConfigProblem {
        guard let error = error as? DecodingError else {
            return ConfigProblem(path: "", message: "\(error)")
        }
        switch error {
        case .typeMismatch(let type, let context):
            return ConfigProblem(
                path: ConfigProblem.path(context.codingPath),
                message: "expected \(describe(type))"
            )
        case .valueNotFound(let type, let context):
            return ConfigProblem(
                path: ConfigProblem.path(context.codingPath),
                message: "expected \(describe(type)), found null"
            )
        case .keyNotFound(let key, let context):
            return ConfigProblem(
                path: ConfigProblem.path(context.codingPath + [key]),
                message: "required key is missing"
            )
        case .dataCorrupted(let context):
            // An empty coding path means the text itself did not parse.
            if context.codingPath.isEmpty || context.underlyingError != nil {
                let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return ConfigProblem(
                    path: ConfigProblem.path(context.codingPath),
                    message: "not valid JSON" + (detail.map { " (\($0))" } ?? "") + "; check commas, quotes and brackets"
                )
            }
            return ConfigProblem(path: ConfigProblem.path(context.codingPath), message: context.debugDescription)
        @unknown default:
            return ConfigProblem(path: "", message: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is [String].Type: return "a list of strings"
        case is [Any].Type: return "a list"
        case is [String: Any].Type: return "an object"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            if name.hasSuffix("Config") { return "an object" }
            return "a value of type \(name)"
        }
    }
}
