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

    /// The layout of the type's doc, written bit by bit: the bytes every stored BLOB holds, so
    /// that a faster coder writes exactly them.
    private func layout(_ hashes: [UInt32]) -> [UInt8] {
        guard let last = hashes.last else { return [] }
        let mean = (UInt64(last) + 1) / UInt64(hashes.count)
        let k = mean > 1 ? min(31, 63 - mean.leadingZeroBitCount) : 0
        var bits: [Bool] = []
        var next: UInt64 = 0
        for hash in hashes {
            let gap = UInt64(hash) - next
            next = UInt64(hash) + 1
            bits += [Bool](repeating: false, count: Int(gap >> UInt64(k)))
            bits.append(true)
            bits += (0..<k).map { gap >> UInt64($0) & 1 == 1 }
        }
        var bytes = [UInt8(k)]
        for start in stride(from: 0, to: bits.count, by: 8) {
            var byte: UInt8 = 0
            for (offset, bit) in bits[start..<min(start + 8, bits.count)].enumerated() where bit { byte |= 1 << offset }
            bytes.append(byte)
        }
        return bytes
    }

    func testTheBytesAreTheLayoutsBitByBit() {
        var generator = SplitMix64(seed: 5)
        var sets: [[UInt32]] = [[0], [UInt32.max], [0, UInt32.max], Array(0..<5_000), Array(0..<1_000) + Array(3_000_000_000..<3_000_001_000)]
        for count in [1, 2, 3, 7, 64, 500, 2_290] {
            sets.append(ShingleSet(hashes: (0..<count).map { _ in UInt32.random(in: .min ... .max, using: &generator) }).hashes)
        }
        for hashes in sets {
            XCTAssertEqual(ShingleBlob.bytes(of: hashes), layout(hashes), "\(hashes.count) hashes")
        }
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
