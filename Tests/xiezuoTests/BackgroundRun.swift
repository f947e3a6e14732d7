import Foundation
import XCTest

/// A `xiezuo run` left running while a test acts around it. Its stderr goes to a file so the
/// test can read what it has logged so far.
final class BackgroundRun {
    let process = Process()
    let stderrFile: URL

    init(_ arguments: [String], stderrFile: URL) throws {
        self.stderrFile = stderrFile
        guard FileManager.default.createFile(atPath: stderrFile.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: stderrFile.path])
        }
        process.executableURL = XiezuoProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = XiezuoProcess.repositoryRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    var stderr: String {
        (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
    }

    /// Waits for the process to end and returns its exit status.
    func finish() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Polls `condition` every 20 ms for up to `seconds`.
    static func eventually(within seconds: Double = 30, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }
}
