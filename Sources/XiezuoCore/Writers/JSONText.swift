/// A JSON string literal as Foundation's `JSONSerialization` writes it on Linux: `"` and `\`
/// escaped, the short escapes for backspace, form feed, new line, return and tab, other control
/// characters as `\u00xx` (lower-case hex), everything else as its UTF-8 bytes; `/` escaped
/// unless `.withoutEscapingSlashes`.
enum JSONText {
    static func appendQuoted(_ text: String, escapingSlashes: Bool, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "/") where escapingSlashes: output.append(contentsOf: "\\/".utf8)
            case 0x08: output.append(contentsOf: "\\b".utf8)
            case 0x0C: output.append(contentsOf: "\\f".utf8)
            case 0x0A: output.append(contentsOf: "\\n".utf8)
            case 0x0D: output.append(contentsOf: "\\r".utf8)
            case 0x09: output.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                output.append(contentsOf: "\\u00".utf8)
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 15)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
