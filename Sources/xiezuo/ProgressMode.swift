import ArgumentParser
import Foundation
import XiezuoCore

/// `--progress`: whether the one-line progress display is drawn on stderr.
enum ProgressMode: String, CaseIterable, ExpressibleByArgument {
    /// Only when stderr is a terminal and the log format is human: never in cron.
    case auto
    case always
    case never

    func shows(logFormat: LogFormat) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return logFormat == .human && Terminal.isStandardError
        }
    }
}
