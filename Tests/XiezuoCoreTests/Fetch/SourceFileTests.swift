import Foundation
import XCTest

@testable import XiezuoCore

final class SourceFileTests: XCTestCase {
    // XCTest makes a new instance per test, so each test has its own directory.
    private let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-sourcefile-\(UUID().uuidString)")

    override func setUpWithError() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    private func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func testReadsEveryByteOfFilesOfAnySize() throws {
        for size in [0, 1, 4095, 4096, 70_000, 300_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            XCTAssertEqual(try SourceFile.bytes(atPath: file("f\(size)", bytes), limit: 1 << 20), bytes, "size \(size)")
        }
    }

    func testAFileAtTheLimitIsReadAndOneByteMoreIsTooLarge() throws {
        let path = try file("limit", [UInt8](repeating: 65, count: 100))
        XCTAssertEqual(try SourceFile.bytes(atPath: path, limit: 100).count, 100)
        XCTAssertThrowsError(try SourceFile.bytes(atPath: path, limit: 99)) { error in
            XCTAssertEqual(error as? SourceFile.Failure, .tooLarge(bytes: 100))
        }
    }

    func testAMissingFileNamesTheFailingCallAndADirectoryIsNotARegularFile() {
        // The type is checked (fstatat) before anything is opened.
        XCTAssertThrowsError(try SourceFile.bytes(atPath: directory.appendingPathComponent("absent").path, limit: 10)) { error in
            XCTAssertEqual(error as? SourceFile.Failure, .system(call: "fstatat", reason: "no such file or directory"))
        }
        XCTAssertThrowsError(try SourceFile.bytes(atPath: directory.path, limit: 10)) { error in
            XCTAssertEqual(error as? SourceFile.Failure, .notRegular(.directory))
        }
    }
}
