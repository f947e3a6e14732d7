import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Named pipes, sockets and devices among the inputs are rejected without being opened for
/// reading: opening a pipe with no writer would block the run, and the lock with it, forever.
final class SpecialFileTests: XCTestCase {
    private var scratch: URL!
    private var socket: Int32 = -1

    override func setUpWithError() throws {
        // Short: a socket's path must fit in 108 bytes.
        scratch = URL(fileURLWithPath: "/tmp/xiezuo-special-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if socket >= 0 { close(socket) }
        try? FileManager.default.removeItem(at: scratch)
    }

    func testAPipeAndASocketAreOneRejectEachAndTheNextRunIsNotBlocked() throws {
        let input = scratch.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: XiezuoProcess.repositoryRoot.appendingPathComponent("seeds/003_4699d6883134dee7.txt"),
            to: input.appendingPathComponent("good.txt"))
        let directory = try RawFiles.Directory(path: input.path)
        try directory.fifo(Array("pipe.txt".utf8))
        socket = try RawFiles.socket(at: input.appendingPathComponent("socket.txt").path)
        // A pipe named directly as an input is treated the same.
        let other = try RawFiles.Directory(path: scratch.path).directory(Array("other".utf8))
        try other.fifo(Array("named.txt".utf8))
        let config = scratch.appendingPathComponent("pipeline.json")
        try Data("{}".utf8).write(to: config)

        let output = scratch.appendingPathComponent("out")
        let arguments = [
            "run", "--config", config.path, "--input", input.path, scratch.appendingPathComponent("other/named.txt").path,
            "--output", output.path,
        ]
        for night in 1...2 {
            let result = try MeasuredProcess.run(arguments, deadline: 120)
            XCTAssertFalse(result.timedOut, "night \(night) hung")
            XCTAssertEqual(result.status, 0, "night \(night): \(result.stderr)")
            let rejects = try OutputTables(directory: output).rows("rejects").map { [$0["source"] ?? "", $0["stage"] ?? "", $0["reason"] ?? ""] }
            XCTAssertEqual(
                rejects,
                [
                    ["in/pipe.txt", "fetch", "not a regular file but a named pipe (FIFO); only regular files are read"],
                    ["in/socket.txt", "fetch", "not a regular file but a socket; only regular files are read"],
                    ["other/named.txt", "fetch", "not a regular file but a named pipe (FIFO); only regular files are read"],
                ], "night \(night)")
            XCTAssertEqual(try OutputTables(directory: output).rows("documents").map { $0["source"] ?? "" }, ["in/good.txt"])
        }
    }

    func testAURLListThatIsAPipeIsARejectNotAHang() throws {
        let input = scratch.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: XiezuoProcess.repositoryRoot.appendingPathComponent("seeds/003_4699d6883134dee7.txt"),
            to: input.appendingPathComponent("good.txt"))
        try RawFiles.Directory(path: scratch.path).fifo(Array("urls.txt".utf8))
        let config = scratch.appendingPathComponent("pipeline.json")
        try Data(#"{"fetch": {"sources": ["in", {"url_file": "urls.txt"}]}}"#.utf8).write(to: config)
        let output = scratch.appendingPathComponent("out")
        let result = try MeasuredProcess.run(["run", "--config", config.path, "--output", output.path], deadline: 120)
        XCTAssertFalse(result.timedOut, "the run hung on the pipe")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            try OutputTables(directory: output).rows("rejects").map { [$0["source"] ?? "", $0["stage"] ?? "", $0["reason"] ?? ""] },
            [["urls.txt", "fetch", "URL list: not a regular file but a named pipe (FIFO); only regular files are read"]])
        XCTAssertEqual(try OutputTables(directory: output).rows("documents").map { $0["source"] ?? "" }, ["in/good.txt"])
    }
}
