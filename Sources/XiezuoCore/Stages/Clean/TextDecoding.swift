/// Step 1 of clean: bytes to Unicode scalars. Only UTF-8 (with or without a byte order
/// mark) is decoded for now; the checks run before decoding so that a binary file is
/// reported as binary rather than as a UTF-8 error at some arbitrary byte. (iconv for
/// GB18030 and Big5 will slot in here, where the invalid-UTF-8 reject is thrown.)
///
/// The decoder is hand-written instead of `String(decoding:)` because it must say *where*
/// the input stops being UTF-8, and because it fills the scalar array in the same pass.
struct TextDecoding: Sendable {
    /// Share of control bytes above which a file counts as binary.
    var maxControlShare: Double

    func scalars(of bytes: [UInt8]) throws(UnusableText) -> [Unicode.Scalar] {
        guard !bytes.isEmpty else { throw UnusableText(reason: "empty file: 0 bytes") }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let mark = bytes[0] == 0xFF ? "FF FE" : "FE FF"
            throw UnusableText(reason: "UTF-16 text (byte order mark \(mark)), not UTF-8; convert the file to UTF-8")
        }
        try checkNotBinary(bytes)
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        let scalars = try decodeUTF8(bytes, from: start)
        if scalars.allSatisfy({ LineNormalizer.isInvisible($0) }) {
            throw UnusableText(reason: "empty file: only whitespace (\(bytes.count) bytes)")
        }
        return scalars
    }

    /// A NUL byte never occurs in UTF-8 text; other control bytes do, rarely (a stray
    /// escape), so only a high share of them marks a file as binary.
    private func checkNotBinary(_ bytes: [UInt8]) throws(UnusableText) {
        var controls = 0
        for (offset, byte) in bytes.enumerated() {
            if byte == 0 { throw UnusableText(reason: "binary content, not text (NUL byte at offset \(offset))") }
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D) || byte == 0x7F {
                controls += 1
            }
        }
        if Double(controls) > maxControlShare * Double(bytes.count) {
            throw UnusableText(
                reason: "binary content, not text (\(controls) of \(bytes.count) bytes are control characters)"
            )
        }
    }

    /// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
    private func decodeUTF8(_ bytes: [UInt8], from start: Int) throws(UnusableText) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count / 2)
        var index = start
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                scalars.append(Unicode.Scalar(lead))
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
                throw invalid(at: index, byte: lead)
            }
            guard index + length <= count else { throw invalid(at: index, byte: lead) }
            for position in 1..<length {
                let byte = bytes[index + position]
                let low = position == 1 ? lowest : 0x80
                let high = position == 1 ? highest : 0xBF
                guard byte >= low, byte <= high else { throw invalid(at: index, byte: lead) }
                value = value << 6 | UInt32(byte & 0x3F)
            }
            guard let scalar = Unicode.Scalar(value) else { throw invalid(at: index, byte: lead) }
            scalars.append(scalar)
            index += length
        }
        return scalars
    }

    private func invalid(at offset: Int, byte: UInt8) -> UnusableText {
        let hex = String(byte, radix: 16, uppercase: true)
        return UnusableText(reason: "not valid UTF-8 at byte \(offset) (0x\(hex.count == 1 ? "0" + hex : hex))")
    }
}
