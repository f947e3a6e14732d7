import Foundation
import Logging

/// `--log-format json`: one JSON object per line, keys sorted: `timestamp` (ISO-8601 UTC,
/// milliseconds), `level`, `label`, `message`, then the metadata flattened into dotted keys.
/// A metadata key that collides with one of the four is written as `metadata.<key>`.
enum JSONLogLine {
    private static let reserved: Set<String> = ["timestamp", "level", "label", "message"]
    private static let timestamp = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func line(_ event: LogEvent, label: String, fields: [String: LogField]) -> String {
        var object: [String: Any] = [
            "timestamp": timestamp.format(Date()), "level": event.level.rawValue, "label": label,
            "message": event.message.description,
        ]
        for (key, field) in fields {
            object[reserved.contains(key) ? "metadata." + key : key] = field.jsonObject
        }
        // Every value is a string, number, bool or list of them, so serialisation cannot fail;
        // should it ever, the line still says so in JSON rather than vanishing.
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data(#"{"level":"error","message":"a log event could not be encoded as JSON"}"#.utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
