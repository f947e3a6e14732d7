/// Decodes a whole source in one legacy encoding through `Iconv`, replacing each invalid
/// sequence with U+FFFD and going on with the next code unit (the next byte, or the next
/// two bytes in UTF-16, which would otherwise lose its alignment).
///
/// A character cut off by the end of the file (iconv's `EINVAL`) is dropped without a
/// replacement and is not counted as invalid: a truncated download loses the same half
/// character in any encoding, the rest of the text is sound, and the lost character cannot be
/// known. (UTF-8 is treated the same way in `TextDecoding`.)
enum IconvDecoding {
    /// Throws only when iconv itself fails: no converter for `encoding` on this machine.
    static func decode(
        _ bytes: [UInt8], from start: Int, as encoding: TextEncoding
    ) throws(IconvError) -> DecodingAttempt {
        let converter = try Iconv(decodingFrom: encoding.iconvName)
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count - start)
        var invalid = 0
        var firstInvalid: Int?
        var position = start
        let failure: IconvError? = bytes.withUnsafeBufferPointer { buffer in
            while position < buffer.count {
                let stop: IconvStop
                do throws(IconvError) {
                    stop = try converter.decode(buffer, from: position, into: &scalars)
                } catch {
                    return error
                }
                switch stop {
                case .end, .truncated:
                    return nil
                case .invalid(let offset):
                    scalars.append("\u{FFFD}")
                    invalid += 1
                    if firstInvalid == nil { firstInvalid = offset }
                    position = offset + encoding.codeUnitBytes
                }
            }
            return nil
        }
        if let failure { throw failure }
        var nonASCII = 0
        for scalar in scalars where scalar.value >= 0x80 { nonASCII += 1 }
        return DecodingAttempt(
            encoding: encoding, scalars: scalars, invalid: invalid, firstInvalid: firstInvalid, nonASCII: nonASCII)
    }
}
