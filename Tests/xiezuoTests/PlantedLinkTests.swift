import Foundation
import XCTest

/// A nightly job often runs as root in an output directory others can write to. A link
/// planted where xiezuo writes (`ln -s victim out/store.sqlite.lock`) made it overwrite the
/// link's target. Every such file is now opened without following links, and only as a
/// regular file of its own; the run fails (exit 1) naming the file, and the target is untouched.
final class PlantedLinkTests: XCTestCase {
    private var scratch: URL!
    private var output: URL!
    private var victim: URL!
    private let victimText = Data("root:x:0:0:root:/root:/bin/bash\n".utf8)

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("links")
        output = scratch.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        victim = scratch.appendingPathComponent("victim")
        try victimText.write(to: victim)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func run() throws -> XiezuoProcess.Result {
        try XiezuoProcess.run(["run", "--input", "seeds", "--output", output.path, "--log-format", "json"])
    }

    private func reason(_ result: XiezuoProcess.Result, file: StaticString = #filePath, line: UInt = #line) -> String {
        XCTAssertEqual(result.status, 1, result.stderr, file: file, line: line)
        let errors = LogLines.events(result.stderr, file: file, line: line).filter { $0["message"] as? String == "run failed" }
        XCTAssertEqual(errors.count, 1, result.stderr, file: file, line: line)
        return errors.first?["error.reason"] as? String ?? ""
    }

    func testALinkAtTheLockFileIsRefusedAndItsTargetUntouched() throws {
        let lock = output.appendingPathComponent("store.sqlite.lock")
        try FileManager.default.createSymbolicLink(at: lock, withDestinationURL: victim)
        let reason = reason(try run())
        XCTAssertEqual(
            reason,
            "cannot lock: \(lock.path) is a symbolic link; xiezuo never writes through a link (one planted there could make "
                + "it overwrite another file): remove the link")
        XCTAssertEqual(try Data(contentsOf: victim), victimText)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("store.sqlite").path))
    }

    func testASecondNameOfAnotherFileAtTheLockIsRefused() throws {
        let lock = output.appendingPathComponent("store.sqlite.lock")
        XCTAssertEqual(link(victim.path, lock.path), 0, String(cString: strerror(errno)))
        XCTAssertEqual(
            reason(try run()), "cannot lock: \(lock.path) has other hard links; xiezuo writes only to a file of its own: remove it")
        XCTAssertEqual(try Data(contentsOf: victim), victimText)
    }

    func testANamedPipeAtTheLockIsRefusedWithoutWaiting() throws {
        let lock = output.appendingPathComponent("store.sqlite.lock")
        XCTAssertEqual(mkfifo(lock.path, 0o644), 0)
        XCTAssertEqual(reason(try run()), "cannot lock: \(lock.path) is a named pipe, not a regular file: remove it")
    }

    /// SQLite would turn an empty target into a database, and write its rollback journal
    /// through a link at `store.sqlite-journal`.
    func testALinkAtTheStoreOrItsJournalIsRefused() throws {
        try Data().write(to: victim)
        let store = output.appendingPathComponent("store.sqlite")
        try FileManager.default.createSymbolicLink(at: store, withDestinationURL: victim)
        XCTAssertTrue(
            reason(try run()).hasPrefix("article store \(store.path): cannot be opened: \(store.path) is a symbolic link; "))
        XCTAssertEqual(try Data(contentsOf: victim), Data())

        try FileManager.default.removeItem(at: store)
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", "seeds", "--output", output.path]).status, 0)
        let journal = output.appendingPathComponent("store.sqlite-journal")
        try FileManager.default.createSymbolicLink(at: journal, withDestinationURL: victim)
        let tables = try Data(contentsOf: OutputTables(directory: output).csv("documents"))
        XCTAssertTrue(
            reason(try run()).hasPrefix("article store \(store.path): cannot be opened: \(journal.path) is a symbolic link; "))
        XCTAssertEqual(try Data(contentsOf: victim), Data())
        XCTAssertEqual(try Data(contentsOf: OutputTables(directory: output).csv("documents")), tables)
    }

    /// An abandoned staging directory that is really a link to someone's directory: cleaning
    /// up removes the link, never what it points at.
    func testALinkNamedLikeAbandonedStagingIsRemovedNotFollowed() throws {
        let directory = scratch.appendingPathComponent("precious")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try victimText.write(to: directory.appendingPathComponent("keep.txt"))
        // pid 4194304 is above Linux's pid_max: never a live process.
        let link = output.appendingPathComponent(".xiezuo-staging-4194304")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: directory)
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", "seeds", "--output", output.path]).status, 0)
        XCTAssertEqual(try Data(contentsOf: directory.appendingPathComponent("keep.txt")), victimText)
        XCTAssertFalse(FileManager.default.fileExists(atPath: link.path))
    }
}
