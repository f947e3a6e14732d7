import ArgumentParser
import Logging

/// `--log-format`: lines for people, or one JSON object per line for log collectors.
enum LogFormat: String, CaseIterable, ExpressibleByArgument {
    case human
    case json

    func handler(label: String, output: StandardErrorLines) -> any LogHandler {
        StandardErrorLogHandler(label: label, format: self, output: output)
    }
}
