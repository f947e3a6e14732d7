import Foundation

/// Messages for the operator, on stderr so that stdout stays clean for pipes.
enum Diagnostics {
    static func print(_ message: String) {
        FileHandle.standardError.write(Data(("xiezuo: " + message + "\n").utf8))
    }
}
