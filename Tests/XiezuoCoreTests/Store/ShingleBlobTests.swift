import XCTest

@testable import XiezuoCore

/// The store's shingle coding (`ShingleBlob`) gives back exactly the hashes it was given, in
/// about 23 bits a hash for an article's worth, and reports a damaged BLOB instead of trapping.
final class ShingleBlobTests: XCTestCase {
    private func roundTrip(_ hashes: [UInt32], file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let bytes = ShingleBlob.bytes(of: hashes)
        let decoded = try bytes.withUnsafeBytes { try ShingleBlob.hashes(from: $0, count: hashes.count) }
        XCTAssertEqual(decoded, hashes, "\(hashes.count) hashes", file: file, line: line)
        return bytes.count
    }

    func testEverySetComesBackAsItWas() throws {
        var generator = SplitMix64(seed: 18)
        for count in [0, 1, 2, 3, 7, 64, 65, 500, 2_290, 20_000] {
            let hashes = ShingleSet(hashes: (0..<count).map { _ in UInt32.random(in: .min ... .max, using: &generator) }).hashes
            _ = try roundTrip(hashes)
        }
        // The extremes and dense runs: gaps of zero, one set of every value up to 5,000, the ends.
        _ = try roundTrip([0])
        _ = try roundTrip([UInt32.max])
        _ = try roundTrip([0, UInt32.max])
        _ = try roundTrip([0, 1, 2, 3, UInt32.max - 1, UInt32.max])
        _ = try roundTrip(Array(0..<5_000))
        _ = try roundTrip(Array((UInt32.max - 4_999)...UInt32.max))
        // Clustered hashes: most gaps small, a few huge, so that the quotients run long.
        _ = try roundTrip(Array(0..<1_000) + Array(3_000_000_000..<3_000_001_000))
    }

    func testAnArticlesShinglesTakeUnderThreeBytesEach() throws {
        var generator = SplitMix64(seed: 2_290)
        let hashes = ShingleSet(hashes: (0..<2_290).map { _ in UInt32.random(in: .min ... .max, using: &generator) }).hashes
        let bytes = try roundTrip(hashes)
        XCTAssertLessThan(Double(bytes) / Double(hashes.count), 2.95, "\(bytes) bytes for \(hashes.count) hashes")
    }

    func testADamagedBlobIsReportedNotTrapped() throws {
        var generator = SplitMix64(seed: 7)
        let hashes = ShingleSet(hashes: (0..<300).map { _ in UInt32.random(in: .min ... .max, using: &generator) }).hashes
        let bytes = ShingleBlob.bytes(of: hashes)
        // Every truncation, a parameter out of range, a count the bytes cannot hold, all zeros.
        for end in 0..<(bytes.count - 1) {
            XCTAssertThrowsError(try Array(bytes[..<end]).withUnsafeBytes { try ShingleBlob.hashes(from: $0, count: hashes.count) })
        }
        var badParameter = bytes
        badParameter[0] = 32
        XCTAssertThrowsError(try badParameter.withUnsafeBytes { try ShingleBlob.hashes(from: $0, count: hashes.count) })
        XCTAssertThrowsError(try bytes.withUnsafeBytes { try ShingleBlob.hashes(from: $0, count: bytes.count * 8 + 1) })
        let zeros = [UInt8](repeating: 0, count: 64)
        XCTAssertThrowsError(try zeros.withUnsafeBytes { try ShingleBlob.hashes(from: $0, count: 3) })
        // Gaps that run past 2³²: the decoder stops rather than wrapping.
        let past = [UInt8(31)] + [UInt8](repeating: 0xFF, count: 40)
        XCTAssertThrowsError(try past.withUnsafeBytes { try ShingleBlob.hashes(from: $0, count: 40) })
    }
}
