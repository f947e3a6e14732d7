import Foundation
import Logging
import XCTest

@testable import XiezuoCore

/// The input walk's rules, through `FetchStage.plan` and `read` on real files.
final class InputWalkTests: XCTestCase {
    private let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-walk-\(UUID().uuidString)")

    override func setUpWithError() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    private func write(_ relative: String, _ text: String = "x") throws {
        let url = directory.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func plan(_ roots: [String], namesRelativeTo base: String) throws -> (FetchStage, FetchPlan) {
        var config = FetchConfig(sources: roots.map { .path($0) })
        config.namesRelativeTo = base
        let stage = FetchStage(config: config)
        let plan = try stage.plan(client: HTTPClient(config: config.http, maxBytes: config.maxBytes, logger: Logger(label: "test")))
        return (stage, plan)
    }

    func testFilesComeInTheByteOrderOfTheirWholePathsAndDotNamesAreSkipped() throws {
        for name in ["b.txt", "a.txt", "a-b.txt", "a/x.txt", "a/.hidden.txt", ".git/config", "a0.txt", "A.txt", "协作.txt"] {
            try write("in/\(name)")
        }
        let (_, plan) = try plan([directory.appendingPathComponent("in").path], namesRelativeTo: directory.path)
        XCTAssertEqual(
            plan.references.map(\.name), ["in/A.txt", "in/a-b.txt", "in/a.txt", "in/a/x.txt", "in/a0.txt", "in/b.txt", "in/协作.txt"])
        XCTAssertEqual(plan.references.map(\.legacyName), ["A.txt", "a-b.txt", "a.txt", "a/x.txt", "a0.txt", "b.txt", "协作.txt"])
    }

    func testNamesAreRelativeToTheConfigurationDirectoryAndAbsoluteOutsideIt() throws {
        try write("config/in/a.txt")
        try write("elsewhere/b.txt")
        let roots = [
            directory.appendingPathComponent("config/in").path, directory.appendingPathComponent("elsewhere/./../elsewhere/b.txt").path,
        ]
        let (_, plan) = try plan(roots, namesRelativeTo: directory.appendingPathComponent("config").path)
        XCTAssertEqual(plan.references.map(\.name), ["in/a.txt", directory.appendingPathComponent("elsewhere/b.txt").path])
        XCTAssertEqual(plan.references.map(\.legacyName), ["a.txt", "b.txt"])
    }

    func testAFileReachedTwiceIsPlannedOnce() throws {
        try write("in/a.txt")
        let root = directory.appendingPathComponent("in").path
        let (_, plan) = try plan([root, root + "/a.txt", root + "//a.txt"], namesRelativeTo: directory.path)
        XCTAssertEqual(plan.references.map(\.name), ["in/a.txt"])
    }

    func testADirectoryDeeperThanTheLimitIsOneRejectAndEverythingAboveIsRead() throws {
        let limit = InputWalk.maximumDepth
        let deepest = Array(repeating: "d", count: limit).joined(separator: "/")
        try write("in/\(deepest)/bottom.txt", "bottom")
        try write("in/\(deepest)/d/lost.txt", "lost")
        try write("in/top.txt", "top")
        let (stage, plan) = try plan([directory.appendingPathComponent("in").path], namesRelativeTo: directory.path)
        XCTAssertEqual(plan.references.map(\.name), ["in/\(deepest)/bottom.txt", "in/\(deepest)/d", "in/top.txt"])
        let bottom = try stage.read(plan.references[0], downloads: nil)
        guard case .document(let document, _) = bottom else { return XCTFail("not read") }
        XCTAssertEqual(document.bytes, Array("bottom".utf8))
        XCTAssertThrowsError(try stage.read(plan.references[1], downloads: nil)) { error in
            XCTAssertEqual(
                error as? Reject,
                Reject(
                    source: "in/\(deepest)/d", stage: .fetch,
                    reason: "a directory more than \(limit) levels below its input root; not walked"))
        }
    }

    func testAFileReplacedByALinkAfterPlanningIsNotFollowed() throws {
        try write("in/a.txt", "planned")
        let (stage, plan) = try plan([directory.appendingPathComponent("in").path], namesRelativeTo: directory.path)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("in/a.txt"))
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("in/a.txt").path, withDestinationPath: "/etc/passwd")
        XCTAssertThrowsError(try stage.read(plan.references[0], downloads: nil)) { error in
            XCTAssertEqual(
                error as? Reject,
                Reject(source: "in/a.txt", stage: .fetch, reason: "not a regular file but a symbolic link; only regular files are read"))
        }
    }

    func testALinkRetargetedAfterPlanningIsNotRead() throws {
        try write("in/a.txt", "inside")
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("in/link.txt").path, withDestinationPath: "a.txt")
        let (stage, plan) = try plan([directory.appendingPathComponent("in").path], namesRelativeTo: directory.path)
        XCTAssertEqual(plan.references.map(\.name), ["in/a.txt", "in/link.txt"])
        try FileManager.default.removeItem(at: directory.appendingPathComponent("in/link.txt"))
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("in/link.txt").path, withDestinationPath: "/etc/passwd")
        XCTAssertThrowsError(try stage.read(plan.references[1], downloads: nil)) { error in
            XCTAssertEqual(
                (error as? Reject)?.reason, "a symbolic link that was changed after the run listed it; not read (the next run reads it)")
        }
    }
}
