import Foundation
import XCTest

/// An interactive `psql` session a test drives step by step, like an analyst's dashboard
/// holding a transaction open: statements are sent on its stdin, and `send` waits for the
/// output up to a marker echoed after them.
final class PsqlSession {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffered = ""
    private var marker = 0

    init(server: PostgresServer) throws {
        process.executableURL = PostgresServer.psql
        process.arguments = ["-X", "-A", "-t", "-q", "-h", server.socket, "-U", "postgres", "-d", server.database]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Sends `sql` and returns what psql printed for it, line by line.
    func send(_ sql: String) throws -> [String] {
        marker += 1
        let end = "-- done \(marker)"
        input.fileHandleForWriting.write(Data((sql + "\n\\echo '\(end)'\n").utf8))
        let deadline = Date().addingTimeInterval(60)
        while !buffered.contains(end + "\n") {
            guard Date() < deadline else { throw PostgresServerError(message: "psql did not answer: \(buffered)") }
            let data = output.fileHandleForReading.availableData
            guard !data.isEmpty else { throw PostgresServerError(message: "psql ended: \(buffered)") }
            buffered += String(decoding: data, as: UTF8.self)
        }
        let range = buffered.range(of: end + "\n")
        let answer = range.map { String(buffered[..<$0.lowerBound]) } ?? ""
        if let range { buffered = String(buffered[range.upperBound...]) }
        return answer.split(separator: "\n").map(String.init)
    }

    func close() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
