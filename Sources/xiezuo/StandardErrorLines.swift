import Foundation

/// stderr, shared by the log handlers and the progress display. A log line first clears the
/// progress line and then redraws it, so that the two never mix within a line; with no
/// progress shown, lines go out untouched.
///
/// `@unchecked Sendable`: `status` is only touched under `lock`.
final class StandardErrorLines: @unchecked Sendable {
    /// Carriage return and "erase to end of line".
    private static let clearLine = "\r\u{1B}[K"

    private let lock = NSLock()
    private var status: String?

    /// Writes `line` and a newline in one write, so lines from several threads never interleave.
    func writeLine(_ line: String) {
        locked {
            var text = status == nil ? "" : Self.clearLine
            text += line + "\n"
            if let status { text += status }
            Self.write(text)
        }
    }

    /// Replaces the progress line.
    func showStatus(_ line: String) {
        locked {
            status = line
            Self.write(Self.clearLine + line)
        }
    }

    /// Removes the progress line, leaving the cursor at the start of an empty line.
    func clearStatus() {
        locked {
            if status != nil { Self.write(Self.clearLine) }
            status = nil
        }
    }

    private func locked(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body()
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
