/// The byte range of every line of a source file, read from the raw bytes in the encoding the
/// clean stage decoded them with, so that line numbers found in the decoded text map to bytes.
///
/// In UTF-8, GB18030 and Big5, the bytes of LF and CR never occur inside a multi-byte
/// character, so lines are found by scanning bytes; in UTF-16 by scanning 16-bit units. Lines
/// end at LF, CR LF and, for text pages, a lone CR — as `LineNormalizer` counts them; libxml2
/// counts only LF, so for HTML pages a lone CR does not end a line.
struct SourceLineIndex: Sendable {
    /// Offset of the first byte of each line.
    private var starts: [Int] = []
    /// Offset one past the last byte of each line, its terminator excluded.
    private var ends: [Int] = []

    init(bytes: [UInt8], encoding: TextEncoding, loneCarriageReturnEndsLine: Bool) {
        switch encoding {
        case .utf16LE, .utf16BE:
            let start = bytes.count >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF) ? 2 : 0
            let littleEndian = encoding == .utf16LE
            bytes.withUnsafeBufferPointer { bytes in
                scan(bytes, from: start, unit: 2, loneCarriageReturnEndsLine: loneCarriageReturnEndsLine) { index in
                    littleEndian
                        ? UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
                        : UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
                }
            }
        case .utf8, .gb18030, .big5, .big5HKSCS:
            let start = encoding == .utf8 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            bytes.withUnsafeBufferPointer { bytes in
                scan(bytes, from: start, unit: 1, loneCarriageReturnEndsLine: loneCarriageReturnEndsLine) { UInt32(bytes[$0]) }
            }
        }
    }

    /// Records the lines of `bytes` from `start`, reading code units of `unit` bytes with
    /// `read`. Inlined with the encoding's reader, so that the loop over every byte of every
    /// source is a compare per byte rather than a closure call.
    @inline(__always)
    private mutating func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, unit: Int, loneCarriageReturnEndsLine: Bool,
        read: (Int) -> UInt32
    ) {
        var lineStart = start
        var index = start
        let count = bytes.count
        while index + unit <= count {
            if unit == 1, index + 8 <= count, !Self.hasLineBreakCandidate(bytes, at: index) {
                // Eight bytes at once: lines run to dozens of bytes, and most words hold no CR or LF.
                index += 8
                continue
            }
            let value = read(index)
            if value > 0x0D {
                index += unit
                continue
            }
            if value == 0x0A {
                starts.append(lineStart)
                ends.append(index)
                lineStart = index + unit
            } else if value == 0x0D {
                let crlf = index + 2 * unit <= count && read(index + unit) == 0x0A
                if crlf || loneCarriageReturnEndsLine {
                    starts.append(lineStart)
                    ends.append(index)
                    index += crlf ? unit : 0
                    lineStart = index + unit
                }
            }
            index += unit
        }
        starts.append(lineStart)
        ends.append(count)
    }

    /// Whether one of the eight bytes at `offset` is below 0x0E (so may be CR or LF), by the
    /// classic test for a byte under a bound in a 64-bit word: subtracting 0x0E from each byte
    /// borrows into its top bit only for bytes under 0x0E (bytes with the top bit set are
    /// masked out by `~word`).
    @inline(__always)
    private static func hasLineBreakCandidate(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
        return (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & 0x8080_8080_8080_8080 != 0
    }

    var lineCount: Int { starts.count }

    /// The span of the 0-based `lines`, or nil when the file has no such lines.
    func span(of lines: ClosedRange<Int>) -> SourceSpan? {
        guard lines.lowerBound >= 0, lines.upperBound < starts.count else { return nil }
        return SourceSpan(
            lines: lines.lowerBound + 1...lines.upperBound + 1,
            bytes: starts[lines.lowerBound]..<max(starts[lines.lowerBound], ends[lines.upperBound]))
    }
}
