import XCTest

@testable import Parquet

/// Known encodings of the RLE / bit-packing hybrid (parquet-format Encodings.md) and round
/// trips through an independent decoder.
final class RLEHybridEncoderTests: XCTestCase {
    private func encode(_ values: [UInt32], bitWidth: Int) -> [UInt8] {
        var output: [UInt8] = []
        RLEHybridEncoder.encode(values[...], bitWidth: bitWidth, into: &output)
        return output
    }

    /// The example in Encodings.md: 0...7 with bit width 3 bit-packs to
    /// 10001000 11000110 11111010 after the header (1 group << 1 | 1).
    func testSpecificationExample() {
        XCTAssertEqual(encode([0, 1, 2, 3, 4, 5, 6, 7], bitWidth: 3), [0x03, 0x88, 0xC6, 0xFA])
    }

    func testRepeatedValueIsOneRun() {
        XCTAssertEqual(encode(Array(repeating: 1, count: 10), bitWidth: 1), [0x14, 0x01])
        // A 9-bit value takes two little-endian bytes in an RLE run.
        XCTAssertEqual(encode(Array(repeating: 300, count: 10), bitWidth: 9), [0x14, 0x2C, 0x01])
        // 1,000 repeats: varint(2000) header.
        XCTAssertEqual(encode(Array(repeating: 0, count: 1_000), bitWidth: 1), [0xD0, 0x0F, 0x00])
    }

    func testShortSequenceIsBitPackedAndPadded() {
        // 1, 0, 1 → one group, padded with zeros: 0b00000101.
        XCTAssertEqual(encode([1, 0, 1], bitWidth: 1), [0x03, 0x05])
    }

    func testLiteralsBorrowFromAFollowingRun() {
        // 3 literals, then 20 zeros: 5 zeros complete the literal group, 15 zeros stay a run.
        XCTAssertEqual(encode([1, 1, 1] + Array(repeating: 0, count: 20), bitWidth: 1), [0x03, 0x07, 0x1E, 0x00])
        // 3 literals, then 10 zeros: after borrowing 5, only 5 would remain, so all is packed.
        XCTAssertEqual(encode([1, 1, 1] + Array(repeating: 0, count: 10), bitWidth: 1), [0x05, 0x07, 0x00])
    }

    func testRunThenLiterals() {
        XCTAssertEqual(encode(Array(repeating: 2, count: 8) + [1, 3], bitWidth: 2), [0x10, 0x02, 0x03, 0x0D, 0x00])
    }

    func testBitPackedRunsAreCappedAt63Groups() {
        let alternating = (0..<600).map { UInt32($0 % 2) }
        let expected: [UInt8] = [0x7F] + Array(repeating: 0xAA, count: 63) + [0x19] + Array(repeating: 0xAA, count: 12)
        XCTAssertEqual(encode(alternating, bitWidth: 1), expected)
    }

    func testEmptyInputEncodesToNothing() {
        XCTAssertEqual(encode([], bitWidth: 1), [])
    }

    func testSlicesWithNonZeroStartIndex() {
        let values: [UInt8] = [9, 9, 1, 0, 1]
        var output: [UInt8] = []
        RLEHybridEncoder.encode(values[2...], bitWidth: 1, into: &output)
        XCTAssertEqual(output, [0x03, 0x05])
    }

    func testBitWidthForMaximum() {
        XCTAssertEqual(RLEHybridEncoder.bitWidth(forMaximum: 0), 0)
        XCTAssertEqual(RLEHybridEncoder.bitWidth(forMaximum: 1), 1)
        XCTAssertEqual(RLEHybridEncoder.bitWidth(forMaximum: 2), 2)
        XCTAssertEqual(RLEHybridEncoder.bitWidth(forMaximum: 255), 8)
        XCTAssertEqual(RLEHybridEncoder.bitWidth(forMaximum: 256), 9)
        XCTAssertEqual(RLEHybridEncoder.bitWidth(forMaximum: 65_535), 16)
    }

    /// Pseudo-random sequences mixing runs and noise, at several widths, decode back exactly.
    func testRoundTrips() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for bitWidth in [1, 2, 3, 7, 8, 9, 13, 16, 17, 24, 31, 32] {
            let mask = bitWidth == 32 ? UInt64(UInt32.max) : (UInt64(1) << UInt64(bitWidth)) - 1
            for _ in 0..<20 {
                var values: [UInt32] = []
                let length = Int(next() % 3_000)
                while values.count < length {
                    let value = UInt32(next() & mask)
                    let repeats = next() % 3 == 0 ? Int(next() % 40) + 1 : 1
                    values.append(contentsOf: repeatElement(value, count: min(repeats, length - values.count)))
                }
                let bytes = encode(values, bitWidth: bitWidth)
                let decoded = RLEHybridDecoder.decode(bytes, bitWidth: bitWidth, count: values.count)
                XCTAssertEqual(decoded, values.map { UInt64($0) }, "bit width \(bitWidth), \(values.count) values")
            }
        }
    }
}
