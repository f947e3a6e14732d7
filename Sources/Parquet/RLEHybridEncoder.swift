/// The RLE / bit-packing hybrid encoding (parquet-format Encodings.md, "Run Length Encoding /
/// Bit-Packing Hybrid (RLE = 3)"), used for definition levels and dictionary indices.
///
/// ```
/// encoded-data := run*
/// run := bit-packed-run | rle-run
/// bit-packed-run := varint((number of groups of 8) << 1 | 1) packed values, LSB first
/// rle-run := varint(repeat count << 1) value in ceil(bit-width / 8) little-endian bytes
/// ```
///
/// Runs of 8 or more equal values become RLE runs; everything else is bit-packed in groups
/// of 8. Only the very last group of the stream may be padded with zeros (the reader knows
/// the value count from the page header). Bit-packed runs are capped at 63 groups so their
/// header is one byte, as parquet-cpp and parquet-mr write them: every reader handles that.
enum RLEHybridEncoder {
    /// A repeated value must occur at least this often to be worth an RLE run.
    static let minimumRepeatRun = 8
    /// 63 groups of 8 values: the largest bit-packed run with a one-byte header.
    static let maximumBitPackedValues = 63 * 8

    /// Appends the encoding of `values` (each < 2^bitWidth) to `output`, without any length
    /// prefix: data page v1 levels add a 4-byte length, dictionary indices a bit-width byte.
    static func encode<T: FixedWidthInteger & UnsignedInteger>(
        _ values: ArraySlice<T>, bitWidth: Int, into output: inout [UInt8]
    ) {
        precondition(bitWidth >= 0 && bitWidth <= 32, "bit width \(bitWidth) outside 0...32")
        var literalStart = values.startIndex
        var index = values.startIndex
        while index < values.endIndex {
            let value = values[index]
            var runEnd = index + 1
            while runEnd < values.endIndex && values[runEnd] == value { runEnd += 1 }
            var runStart = index
            if runEnd - runStart >= minimumRepeatRun {
                let pending = runStart - literalStart
                if pending > 0 {
                    // Pending literals must end on a group of 8: borrow from the run to fill it.
                    let padding = (8 - pending % 8) % 8
                    if runEnd - runStart - padding < minimumRepeatRun {
                        index = runEnd
                        continue
                    }
                    runStart += padding
                    appendBitPacked(values[literalStart..<runStart], bitWidth: bitWidth, into: &output)
                }
                appendRepeated(UInt64(value), count: runEnd - runStart, bitWidth: bitWidth, into: &output)
                literalStart = runEnd
            }
            index = runEnd
        }
        if literalStart < values.endIndex {
            appendBitPacked(values[literalStart...], bitWidth: bitWidth, into: &output)
        }
    }

    /// The number of bits needed for values up to `maximum` (0 for 0).
    static func bitWidth(forMaximum maximum: UInt64) -> Int {
        maximum == 0 ? 0 : 64 - maximum.leadingZeroBitCount
    }

    private static func appendRepeated(_ value: UInt64, count: Int, bitWidth: Int, into output: inout [UInt8]) {
        appendVarint(UInt64(count) << 1, into: &output)
        let byteCount = (bitWidth + 7) / 8
        for byteIndex in 0..<byteCount {
            output.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(byteIndex))))
        }
    }

    /// Bit-packs `values` in runs of at most 63 groups; a trailing partial group is padded with
    /// zeros, which is only valid at the end of the stream (callers guarantee that).
    private static func appendBitPacked<T: FixedWidthInteger & UnsignedInteger>(
        _ values: ArraySlice<T>, bitWidth: Int, into output: inout [UInt8]
    ) {
        var start = values.startIndex
        while start < values.endIndex {
            let end = min(start + maximumBitPackedValues, values.endIndex)
            let groups = (end - start + 7) / 8
            appendVarint(UInt64(groups) << 1 | 1, into: &output)
            var accumulator: UInt64 = 0
            var accumulatedBits = 0
            for position in start..<(start + groups * 8) {
                let value: UInt64 = position < end ? UInt64(values[position]) : 0
                accumulator |= value << UInt64(accumulatedBits)
                accumulatedBits += bitWidth
                while accumulatedBits >= 8 {
                    output.append(UInt8(truncatingIfNeeded: accumulator))
                    accumulator >>= 8
                    accumulatedBits -= 8
                }
            }
            // 8 values of bitWidth bits are exactly bitWidth bytes: nothing is left over.
            start = end
        }
    }

    private static func appendVarint(_ value: UInt64, into output: inout [UInt8]) {
        var remaining = value
        while remaining >= 0x80 {
            output.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        output.append(UInt8(remaining))
    }
}
