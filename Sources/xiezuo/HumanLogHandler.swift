import Foundation
import Logging

/// The default log format, for people: `2026-11-21T22:40:01Z info stage finished stage.name=clean …`,
/// the metadata as `key=value` in key order.
struct HumanLogHandler: LogHandler {
    private static let timestamp = Date.ISO8601FormatStyle()

    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    private let output: StandardErrorLines

    init(label: String, output: StandardErrorLines) {
        self.label = label
        self.output = output
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = LogField.flattened(metadata.merging(event.metadata ?? [:]) { _, new in new })
        var line = "\(Self.timestamp.format(Date())) \(event.level.rawValue) \(event.message)"
        for key in fields.keys.sorted() {
            if let field = fields[key] { line += " \(key)=\(field.humanText)" }
        }
        output.writeLine(line)
    }
}
