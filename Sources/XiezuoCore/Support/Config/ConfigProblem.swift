/// One thing wrong in `pipeline.json`, located by its key path (`clean.min_article_chars`,
/// `extract.tables[1]`).
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }

    /// Renders a coding path as `a.b[2].c`. A key is the user's text: control characters in
    /// it are written as escapes (`\u001b`), so that printing a problem cannot drive a terminal.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                let name = displayed(key.stringValue)
                result += result.isEmpty ? name : ".\(name)"
            }
        }
        return result
    }

    private static func displayed(_ key: String) -> String {
        guard key.unicodeScalars.contains(where: isControl) else { return key }
        var result = ""
        for scalar in key.unicodeScalars {
            if isControl(scalar) {
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
