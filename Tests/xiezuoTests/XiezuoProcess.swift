import Foundation
import XCTest

/// Runs the built `xiezuo` binary, as cron would.
struct XiezuoProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var binary: URL {
        // The test bundle sits in the build products directory, beside the executable.
        Bundle.main.bundleURL.appendingPathComponent("xiezuo")
    }

    static func run(_ arguments: [String], in directory: URL = repositoryRoot) throws -> Result {
        try run(binary, arguments, in: directory)
    }

    /// Runs any program to its end and collects its output.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL = repositoryRoot) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a chatty run cannot fill a pipe and stall.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }

    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
