import Foundation
import Logging

/// The one swift-log handler of the command: merges the logger's metadata with the event's,
/// flattens it (`LogField`) and writes one line to stderr in the chosen `LogFormat`.
struct StandardErrorLogHandler: LogHandler {
    let label: String
    let format: LogFormat
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    private let output: StandardErrorLines

    init(label: String, format: LogFormat, output: StandardErrorLines) {
        self.label = label
        self.format = format
        self.output = output
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = LogField.flattened(metadata.merging(event.metadata ?? [:]) { _, new in new })
        switch format {
        case .human: output.writeLine(HumanLogLine.line(event, fields: fields))
        case .json: output.writeLine(JSONLogLine.line(event, label: label, fields: fields))
        }
    }
}
