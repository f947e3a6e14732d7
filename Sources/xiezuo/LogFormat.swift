import ArgumentParser
import Logging

/// `--log-format`: lines for people, or one JSON object per line for log collectors.
enum LogFormat: String, CaseIterable, ExpressibleByArgument {
    case human
    case json

    func handler(label: String, output: StandardErrorLines) -> any LogHandler {
        switch self {
        case .human: return HumanLogHandler(label: label, output: output)
        case .json: return JSONLogHandler(label: label, output: output)
        }
    }
}
