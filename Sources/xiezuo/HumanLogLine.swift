import Foundation
import Logging

/// The default log format, for people: `2026-11-21T22:40:01Z info stage finished stage.name=clean …`,
/// the metadata as `key=value` in key order. One event is one line: the message, keys and
/// values are escaped (`TerminalSafeText`) so that nothing in them breaks the line or drives
/// the terminal.
enum HumanLogLine {
    private static let timestamp = Date.ISO8601FormatStyle()

    static func line(_ event: LogEvent, fields: [String: LogField]) -> String {
        var line = "\(timestamp.format(Date())) \(event.level.rawValue) \(TerminalSafeText.escaped(event.message.description))"
        for key in fields.keys.sorted() {
            if let field = fields[key] { line += " \(TerminalSafeText.escaped(key))=\(field.humanText)" }
        }
        return line
    }
}
