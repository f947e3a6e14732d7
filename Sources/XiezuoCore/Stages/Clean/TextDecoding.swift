/// Step 1 of clean: bytes to Unicode scalars. Only UTF-8 (with or without a byte order
/// mark) is decoded for now. (iconv for GB18030 and Big5 will slot in here, where the
/// invalid-UTF-8 reject is thrown.)
///
/// The decoder is hand-written instead of `String(decoding:)` because it must say *where*
/// the input stops being UTF-8, and because it fills the scalar array and counts control bytes
/// in the same pass. A binary file is reported as binary even when it is also invalid UTF-8:
/// "NUL byte at offset 8" tells a person more than "not valid UTF-8 at byte 3".
struct TextDecoding: Sendable {
    /// Share of control bytes above which a file counts as binary.
    var maxControlShare: Double

    func scalars(of bytes: [UInt8]) throws(UnusableText) -> [Unicode.Scalar] {
        guard !bytes.isEmpty else { throw UnusableText(reason: "empty file: 0 bytes") }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let mark = bytes[0] == 0xFF ? "FF FE" : "FE FF"
            throw UnusableText(reason: "UTF-16 text (byte order mark \(mark)), not UTF-8; convert the file to UTF-8")
        }
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        let decoded = decodeUTF8(bytes, from: start)
        guard let scalars = decoded.scalars else {
            var firstNUL: Int?
            var controls = 0
            for (offset, byte) in bytes.enumerated() where Self.isControl(byte) {
                if byte == 0, firstNUL == nil { firstNUL = offset }
                controls += 1
            }
            try checkNotBinary(firstNUL: firstNUL, controls: controls, byteCount: bytes.count)
            let hex = String(bytes[decoded.stop], radix: 16, uppercase: true)
            throw UnusableText(
                reason: "not valid UTF-8 at byte \(decoded.stop) (0x\(hex.count == 1 ? "0" + hex : hex))"
            )
        }
        try checkNotBinary(firstNUL: decoded.firstNUL, controls: decoded.controls, byteCount: bytes.count)
        if scalars.allSatisfy({ LineNormalizer.isInvisible($0) }) {
            throw UnusableText(reason: "empty file: only whitespace (\(bytes.count) bytes)")
        }
        return scalars
    }

    /// A NUL byte never occurs in text; other control bytes do, rarely (a stray escape), so
    /// only a high share of them marks a file as binary.
    private func checkNotBinary(firstNUL: Int?, controls: Int, byteCount: Int) throws(UnusableText) {
        if let firstNUL { throw UnusableText(reason: "binary content, not text (NUL byte at offset \(firstNUL))") }
        if Double(controls) > maxControlShare * Double(byteCount) {
            throw UnusableText(
                reason: "binary content, not text (\(controls) of \(byteCount) bytes are control characters)"
            )
        }
    }

    /// Control bytes other than tab, line feed, form feed and carriage return.
    private static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D) || byte == 0x7F
    }

    /// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
    /// `scalars` is nil when the input is not UTF-8; `stop` is then the offending byte. UTF-8
    /// never has more scalars than bytes, so the scalars are written into a buffer of the
    /// input's size without per-append checks.
    private func decodeUTF8(
        _ bytes: [UInt8], from start: Int
    ) -> (scalars: [Unicode.Scalar]?, stop: Int, firstNUL: Int?, controls: Int) {
        var firstNUL: Int?
        var controls = 0
        var stop: Int?
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { output, written in
            var end = 0
            var index = start
            let count = bytes.count
            decoding: while index < count {
                let lead = bytes[index]
                if lead < 0x80 {
                    if Self.isControl(lead) {
                        controls += 1
                        if lead == 0, firstNUL == nil { firstNUL = index }
                    }
                    output.initializeElement(at: end, to: Unicode.Scalar(lead))
                    end += 1
                    index += 1
                    continue
                }
                let length: Int
                var value: UInt32
                var lowest: UInt8 = 0x80
                var highest: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF:
                    length = 2
                    value = UInt32(lead & 0x1F)
                case 0xE0...0xEF:
                    length = 3
                    value = UInt32(lead & 0x0F)
                    if lead == 0xE0 { lowest = 0xA0 }
                    if lead == 0xED { highest = 0x9F }
                case 0xF0...0xF4:
                    length = 4
                    value = UInt32(lead & 0x07)
                    if lead == 0xF0 { lowest = 0x90 }
                    if lead == 0xF4 { highest = 0x8F }
                default:
                    stop = index
                    break decoding
                }
                guard index + length <= count, bytes[index + 1] >= lowest, bytes[index + 1] <= highest else {
                    stop = index
                    break decoding
                }
                value = value << 6 | UInt32(bytes[index + 1] & 0x3F)
                var position = 2
                while position < length {
                    let byte = bytes[index + position]
                    guard byte & 0xC0 == 0x80 else {
                        stop = index
                        break decoding
                    }
                    value = value << 6 | UInt32(byte & 0x3F)
                    position += 1
                }
                guard let scalar = Unicode.Scalar(value) else {
                    stop = index
                    break decoding
                }
                output.initializeElement(at: end, to: scalar)
                end += 1
                index += length
            }
            written = end
        }
        if let stop { return (nil, stop, firstNUL, controls) }
        return (scalars, 0, firstNUL, controls)
    }
}
