import Foundation
import XCTest

@testable import XiezuoCore

/// flock locks belong to an open file description, so two `RunLock`s in one process contend
/// exactly as two processes do.
final class RunLockTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-runlock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    func testSecondLockIsRefusedNamingTheHolderUntilTheFirstIsReleased() throws {
        let path = scratch.appendingPathComponent("nested/store.sqlite.lock").path
        var first: RunLock? = try RunLock(path: path, wait: false)
        XCTAssertEqual(RunLock.holder(at: path)?.pid, getpid())
        XCTAssertThrowsError(try RunLock(path: path, wait: false)) { error in
            guard case .locked(let lockedPath, let holder)? = error as? RunLockError else {
                return XCTFail("expected .locked, got \(error)")
            }
            XCTAssertEqual(lockedPath, path)
            XCTAssertEqual(holder?.pid, getpid())
            XCTAssertEqual((error as? RunLockError)?.exitStatus, .locked)
            XCTAssertTrue("\(error)".hasPrefix("another xiezuo run (pid \(getpid()) on "), "\(error)")
            XCTAssertTrue("\(error)".hasSuffix(" holds \(path); wait for it or pass --wait"), "\(error)")
        }
        XCTAssertNotNil(first)
        first = nil
        XCTAssertNoThrow(try RunLock(path: path, wait: false))
    }

    func testWaitCallsBackWithTheHolderThenTakesTheLock() throws {
        let path = scratch.appendingPathComponent("store.sqlite.lock").path
        var first: RunLock? = try RunLock(path: path, wait: false)
        var waitedFor: RunLockHolder?
        // The callback comes before the blocking flock; releasing the first lock there lets it through.
        let second = try RunLock(path: path, wait: true) { holder in
            waitedFor = holder
            first = nil
        }
        XCTAssertEqual(waitedFor?.pid, getpid())
        XCTAssertNil(first)
        XCTAssertEqual(second.path, path)
        XCTAssertEqual(RunLock.holder(at: path)?.pid, getpid())
    }

    func testGarbageInTheLockFileIsNotAHolder() throws {
        let path = scratch.appendingPathComponent("x.lock").path
        try Data("not a holder\n".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertNil(RunLock.holder(at: path))
        XCTAssertEqual(
            "\(RunLockError.locked(path: path, holder: nil))",
            "another xiezuo run holds \(path) (its pid could not be read); wait for it or pass --wait"
        )
        // Taking the lock replaces whatever was there with this process's record.
        _ = try RunLock(path: path, wait: false)
        XCTAssertEqual(RunLock.holder(at: path)?.pid, getpid())
    }

    func testUnwritablePlaceIsUnavailableWithExitOne() throws {
        let file = scratch.appendingPathComponent("plain-file")
        try Data().write(to: file)
        let path = file.appendingPathComponent("store.sqlite.lock").path
        XCTAssertThrowsError(try RunLock(path: path, wait: false)) { error in
            XCTAssertEqual(error as? RunLockError, .unavailable(path: path, call: "open", errno: ENOTDIR))
            XCTAssertEqual((error as? RunLockError)?.exitStatus, .failed)
            XCTAssertEqual(
                "\(error)", "cannot lock \(path): open failed: Not a directory; check that the directory exists and is writable")
        }
    }

    func testLockPathSitsBesideTheStoreOrInsideTheOutputDirectory() {
        var config = PipelineConfig()
        config.output.directory = "/srv/xiezuo/output"
        XCTAssertEqual(config.runLockPath, "/srv/xiezuo/output/store.sqlite.lock")
        config.dedupe.store = "/var/lib/xiezuo/articles.sqlite"
        XCTAssertEqual(config.runLockPath, "/var/lib/xiezuo/articles.sqlite.lock")
        config.dedupe.scope = .run
        XCTAssertEqual(config.runLockPath, "/srv/xiezuo/output/.xiezuo.lock")
    }
}
