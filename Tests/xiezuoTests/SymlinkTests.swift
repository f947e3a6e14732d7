import Foundation
import XCTest

/// Links in the input tree: one that leads outside the input roots is a reject unless
/// `fetch.follow_symlinks` is true; one that stays inside is read under its own name; a link
/// to a directory is never walked.
final class SymlinkTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("links")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private let good = "003_4699d6883134dee7.txt"
    private let outside = "001_3a25b0911a74f829.txt"

    /// `in/` with a good file, links out of the tree (to /etc/passwd, to a file with figures, to
    /// a device, to a directory) and links that stay inside.
    private func makeTree() throws -> URL {
        let files = FileManager.default
        let input = scratch.appendingPathComponent("in")
        try files.createDirectory(at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let seeds = XiezuoProcess.repositoryRoot.appendingPathComponent("seeds")
        try files.copyItem(at: seeds.appendingPathComponent(good), to: input.appendingPathComponent("good.txt"))
        let elsewhere = scratch.appendingPathComponent("elsewhere")
        try files.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try files.copyItem(at: seeds.appendingPathComponent(outside), to: elsewhere.appendingPathComponent("report.txt"))
        func link(_ name: String, _ target: String) throws {
            try files.createSymbolicLink(atPath: input.appendingPathComponent(name).path, withDestinationPath: target)
        }
        try link("passwd.txt", "/etc/passwd")
        try link("figures.txt", "../elsewhere/report.txt")
        try link("zero.txt", "/dev/zero")
        try link("elsewhere", elsewhere.path)
        try link("sub/inside.txt", "../good.txt")
        try link("sub/up", "..")
        return input
    }

    private func run(_ input: URL, _ json: String) throws -> OutputTables {
        let config = scratch.appendingPathComponent("pipeline.json")
        try Data(json.utf8).write(to: config)
        let output = scratch.appendingPathComponent("out-\(UUID().uuidString.prefix(8))")
        let result = try XiezuoProcess.run(["run", "--config", config.path, "--input", input.path, "--output", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return OutputTables(directory: output)
    }

    private func rejects(_ tables: OutputTables) throws -> [String: String] {
        var reasons: [String: String] = [:]
        for row in try tables.rows("rejects") where row["stage"] == "fetch" { reasons[row["source"] ?? ""] = row["reason"] }
        return reasons
    }

    func testLinksOutOfTheInputTreeAreRejectedByDefault() throws {
        let tables = try run(try makeTree(), "{}")
        let elsewhere = scratch.appendingPathComponent("elsewhere").path
        XCTAssertEqual(
            try rejects(tables),
            [
                "in/passwd.txt":
                    "a symbolic link to /etc/passwd, outside the input roots; not followed (set fetch.follow_symlinks to true to read it)",
                "in/figures.txt":
                    "a symbolic link to ../elsewhere/report.txt, outside the input roots; not followed (set fetch.follow_symlinks to true to read it)",
                "in/zero.txt":
                    "a symbolic link to /dev/zero, outside the input roots; not followed (set fetch.follow_symlinks to true to read it)",
                "in/elsewhere":
                    "a symbolic link to \(elsewhere), a directory outside the input roots; linked directories are not walked (list the directory in fetch.sources to read it)",
            ])
        // The link that stays inside is read under its own name: a copy, so a duplicate.
        let documents = try tables.rows("documents")
        XCTAssertEqual(documents.map { $0["source"] ?? "" }, ["in/good.txt", "in/sub/inside.txt"])
        XCTAssertEqual(documents.last?["duplicate_of"], documents.first?["doc_id"])
        XCTAssertEqual(try tables.rows("rejects").count, 4, "only the links out of the tree are rejected")
    }

    func testFollowSymlinksReadsLinksOutOfTheTreeButNeverADeviceOrALinkedDirectory() throws {
        let input = try makeTree()
        let tables = try run(input, #"{"fetch": {"follow_symlinks": true}}"#)
        let reasons = try rejects(tables)
        XCTAssertEqual(Set(reasons.keys), ["in/zero.txt", "in/elsewhere"])
        XCTAssertEqual(reasons["in/zero.txt"], "not a regular file but a character device; only regular files are read")
        XCTAssertTrue(reasons["in/elsewhere"]?.hasPrefix("a symbolic link to ") == true, "\(reasons)")
        let documents = try tables.rows("documents")
        XCTAssertTrue(documents.contains { $0["source"] == "in/figures.txt" }, "\(documents)")
        // The linked report's figures are facts, as they are when it is read where it lies.
        let alone = try run(scratch.appendingPathComponent("elsewhere"), "{}")
        let expected = try alone.factsByText()
        XCTAssertFalse(expected.isEmpty)
        XCTAssertTrue(expected.isSubset(of: try tables.factsByText()))
        // /etc/passwd was read: it is an article or a reject of clean, never of fetch.
        XCTAssertNil(reasons["in/passwd.txt"])
    }
}
