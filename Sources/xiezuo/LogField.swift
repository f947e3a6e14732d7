import Logging

/// A metadata value as the log formats write it: numbers stay numbers, nested dictionaries
/// are flattened into dotted keys (`stage` → `name` becomes `stage.name`).
enum LogField: Equatable {
    case text(String)
    case integer(Int)
    case number(Double)
    case flag(Bool)
    case list([LogField])

    init(_ value: Logger.MetadataValue) {
        switch value {
        case .string(let text): self = .text(text)
        case .stringConvertible(let value):
            switch value {
            case let integer as Int: self = .integer(integer)
            case let number as Double where number.isFinite: self = .number(number)
            case let flag as Bool: self = .flag(flag)
            default: self = .text(value.description)
            }
        case .array(let values): self = .list(values.map(LogField.init))
        case .dictionary(let dictionary): self = .text(dictionary.description)
        }
    }

    /// `metadata` with nested dictionaries flattened into dotted keys.
    static func flattened(_ metadata: Logger.Metadata, prefix: String = "") -> [String: LogField] {
        var fields: [String: LogField] = [:]
        for (key, value) in metadata {
            if case .dictionary(let nested) = value {
                fields.merge(flattened(nested, prefix: prefix + key + ".")) { _, new in new }
            } else {
                fields[prefix + key] = LogField(value)
            }
        }
        return fields
    }

    /// The value for JSONSerialization.
    var jsonObject: Any {
        switch self {
        case .text(let text): return text
        case .integer(let integer): return integer
        case .number(let number): return number
        case .flag(let flag): return flag
        case .list(let values): return values.map(\.jsonObject)
        }
    }

    /// The value in a human log line: bare when it is one word, quoted otherwise. Control and
    /// line-breaking characters are escaped (`TerminalSafeText`), so a value never spans lines:
    /// a multi-line error reads `…:\n  dedupe.enabled: …`, and a source name cannot forge a line.
    var humanText: String {
        switch self {
        case .text(let text):
            let needsQuotes =
                text.isEmpty || text.contains { $0 == " " || $0 == "\"" || $0 == "=" } || TerminalSafeText.needsEscaping(text)
            guard needsQuotes else { return text }
            return "\"" + TerminalSafeText.escaped(text).replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .integer(let integer): return String(integer)
        case .number(let number): return String(number)
        case .flag(let flag): return String(flag)
        case .list(let values): return "[" + values.map(\.humanText).joined(separator: ", ") + "]"
        }
    }
}
