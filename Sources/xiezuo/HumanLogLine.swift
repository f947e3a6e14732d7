import Foundation
import Logging

/// The default log format, for people: `2026-11-21T22:40:01Z info stage finished stage.name=clean …`,
/// the metadata as `key=value` in key order.
enum HumanLogLine {
    private static let timestamp = Date.ISO8601FormatStyle()

    static func line(_ event: LogEvent, fields: [String: LogField]) -> String {
        var line = "\(timestamp.format(Date())) \(event.level.rawValue) \(event.message)"
        for key in fields.keys.sorted() {
            if let field = fields[key] { line += " \(key)=\(field.humanText)" }
        }
        return line
    }
}
