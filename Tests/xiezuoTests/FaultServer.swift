import Foundation
import XCTest

/// The test suite's HTTP server (Scripts/fault_server.py) on 127.0.0.1 and a free port: serves
/// the seeds and injects faults by path. Stops in `stop()`, and by itself after two minutes.
final class FaultServer {
    let port: Int
    let log: URL
    private let process: Process

    init(seeds: URL, scratch: URL) throws {
        log = scratch.appendingPathComponent("requests.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/fault_server.py")
        process.arguments = ["python3", script.path, "--root", seeds.path, "--log", log.path, "--lifetime", "120"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        // The first line is "PORT <n>", printed once the socket listens.
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "fault server said: \(text)"])
        }
        self.port = port
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    struct Request: Equatable {
        var path: String
        var status: Int
        var ifNoneMatch: String?
        var time: Double
        var userAgent: String
    }

    /// Every request served so far, in the order they were answered.
    func requests() throws -> [Request] {
        try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map { line in
            let fields = line.split(separator: " ", maxSplits: 4)
            return Request(
                path: String(fields[0]), status: Int(fields[1]) ?? 0, ifNoneMatch: fields[2] == "-" ? nil : String(fields[2]),
                time: Double(fields[3]) ?? 0, userAgent: fields.count > 4 ? String(fields[4]) : "")
        }
    }

    func statuses(of path: String) throws -> [Int] {
        try requests().filter { $0.path == path }.map(\.status)
    }
}
