import Foundation
import XCTest
import XiezuoCore

#if canImport(Glibc)
import Glibc
#endif

/// Every file the system can read is read, whatever its path: longer than `PATH_MAX`, or a
/// name that is not UTF-8. Its `source` is the path with the bytes that are not UTF-8 written
/// `\xHH` (and a backslash `\\`), so it always leads back to the file.
final class InputPathTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("paths")
    }

    override func tearDownWithError() throws {
        RawFiles.removeTree(scratch.path)
    }

    private func seed(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: XiezuoProcess.repositoryRoot.appendingPathComponent("seeds/\(name)")))
    }

    /// Runs with a configuration in the scratch directory, so sources are named relative to it.
    private func run(_ input: String, _ output: URL) throws -> XiezuoProcess.Result {
        let config = scratch.appendingPathComponent("pipeline.json")
        if !FileManager.default.fileExists(atPath: config.path) { try Data("{}".utf8).write(to: config) }
        let result = try XiezuoProcess.run(["run", "--config", config.path, "--input", input, "--output", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    /// Opens `source` (relative to the scratch directory) by the bytes it unescapes to.
    private func opens(_ source: String) -> Bool {
        guard let relative = PathEscape.unescape(source) else { return false }
        let descriptor = open(RawFiles.cName(Array(scratch.path.utf8) + [UInt8(ascii: "/")] + relative), O_RDONLY)
        // Past PATH_MAX only a walk through descriptors opens it; the name is still exact.
        if descriptor < 0 { return errno == ENAMETOOLONG }
        close(descriptor)
        return true
    }

    func testAFileDeeperThanPathMaxIsReadAndNamedByItsWholePath() throws {
        let input = try RawFiles.Directory(path: scratch.path).directory(Array("in".utf8))
        let component = [UInt8](repeating: UInt8(ascii: "d"), count: 250)
        var directory = input
        for _ in 0..<20 { directory = try directory.directory(component) }
        try directory.write(Array("deep.txt".utf8), try seed("003_4699d6883134dee7.txt"))
        let expected = "in/" + String(repeating: String(repeating: "d", count: 250) + "/", count: 20) + "deep.txt"
        XCTAssertGreaterThan(scratch.path.utf8.count + 1 + expected.utf8.count, 4096)

        let output = scratch.appendingPathComponent("out")
        let result = try run(scratch.appendingPathComponent("in").path, output)
        XCTAssertTrue(result.stderr.contains("xiezuo: 1 sources (0 unchanged), 1 new articles"), result.stderr)
        let documents = try OutputTables(directory: output).rows("documents")
        XCTAssertEqual(documents.map { $0["source"] ?? "" }, [expected])

        let alone = scratch.appendingPathComponent("alone")
        try FileManager.default.createDirectory(at: alone, withIntermediateDirectories: true)
        try Data(try seed("003_4699d6883134dee7.txt")).write(to: alone.appendingPathComponent("seed.txt"))
        let aloneOutput = scratch.appendingPathComponent("alone-out")
        _ = try run(alone.path, aloneOutput)
        XCTAssertFalse(try OutputTables(directory: aloneOutput).factsByText().isEmpty)
        XCTAssertEqual(try OutputTables(directory: output).factsByText(), try OutputTables(directory: aloneOutput).factsByText())
    }

    func testNamesThatAreNotUTF8AreReadAndRejectedUnderNamesThatLeadBackToTheFile() throws {
        let input = try RawFiles.Directory(path: scratch.path).directory(Array("in".utf8))
        try input.write(Array("caf".utf8) + [0xE9] + Array(".txt".utf8), try seed("003_4699d6883134dee7.txt"))
        try input.write(Array(#"back\slash.txt"#.utf8), try seed("001_3a25b0911a74f829.txt"))
        try input.write(Array("bad".utf8) + [0xFF, 0xFE] + Array(".txt".utf8), [])
        // A valid name that looks like an escape is not mistaken for one.
        try input.write(Array(#"\xE9.txt"#.utf8), [])

        let output = scratch.appendingPathComponent("out")
        _ = try run(scratch.appendingPathComponent("in").path, output)
        let documents = try OutputTables(directory: output).rows("documents").map { $0["source"] ?? "" }
        XCTAssertEqual(documents, [#"in/back\\slash.txt"#, #"in/caf\xE9.txt"#])
        let rejects = try OutputTables(directory: output).rows("rejects")
        XCTAssertEqual(rejects.map { $0["source"] ?? "" }, [#"in/\\xE9.txt"#, #"in/bad\xFF\xFE.txt"#])
        XCTAssertEqual(rejects.map { $0["reason"] ?? "" }, ["empty file: 0 bytes", "empty file: 0 bytes"])
        for source in documents + rejects.map({ $0["source"] ?? "" }) {
            XCTAssertFalse(source.unicodeScalars.contains("\u{FFFD}"), source)
            XCTAssertTrue(opens(source), "\(source) does not lead back to its file")
        }
        XCTAssertEqual(PathEscape.unescape(#"in/caf\xE9.txt"#), Array("in/caf".utf8) + [0xE9] + Array(".txt".utf8))
    }
}
