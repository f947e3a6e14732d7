/// How a file's path is written wherever xiezuo shows it (`source` in the tables, logs, the
/// dry-run plan). A path is bytes, not text: every part that is valid UTF-8 is written as it
/// is, except that a backslash is doubled (`\\`); each byte that is not part of valid UTF-8 is
/// written `\x` and two upper-case hex digits (`caf\xE9.txt` for the Latin-1 name café.txt).
/// So every name is readable text with no U+FFFD, and `unescape` gives back the exact bytes.
public enum PathEscape {
    public static func escape(_ path: [UInt8]) -> String {
        if !path.contains(UInt8(ascii: "\\")), let text = String(validating: path, as: UTF8.self) { return text }
        var text = ""
        text.reserveCapacity(path.count)
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = path.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\\" { text += "\\\\" } else { text.unicodeScalars.append(scalar) }
                offset += encoded.count
            case .error(let length):
                for byte in path[offset..<offset + length] { text += "\\x" + hex(byte) }
                offset += length
            case .emptyInput:
                return text
            }
        }
    }

    /// The bytes `escape` wrote `text` from; nil when `text` holds a backslash that starts
    /// neither `\\` nor `\xHH`.
    public static func unescape(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            guard utf8[index] == UInt8(ascii: "\\") else {
                bytes.append(utf8[index])
                index += 1
                continue
            }
            if index + 1 < utf8.count, utf8[index + 1] == UInt8(ascii: "\\") {
                bytes.append(UInt8(ascii: "\\"))
                index += 2
            } else if index + 3 < utf8.count, utf8[index + 1] == UInt8(ascii: "x"),
                let high = digit(utf8[index + 2]), let low = digit(utf8[index + 3])
            {
                bytes.append(high << 4 | low)
                index += 4
            } else {
                return nil
            }
        }
        return bytes
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    private static func digit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
