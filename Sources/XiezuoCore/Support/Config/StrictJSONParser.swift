/// Reads a JSON text exactly as RFC 8259 defines it, for `pipeline.json`. Foundation's
/// readers accept more than JSON (trailing commas, a key written twice with the first one
/// winning) and report neither line nor column; here every departure from JSON is refused
/// with its line, column and what to write instead, and keys written twice are listed with
/// both places. A UTF-8 byte order mark at the start is skipped (RFC 8259 allows readers to).
///
/// The parser is recursive, so nesting is limited to `maxDepth`; configurations nest four deep.
struct StrictJSONParser {
    /// Objects and lists nested deeper than this are refused rather than risk the stack.
    static let maxDepth = 512

    /// A value read and the keys that were written twice in an object: the second place and
    /// the first, with the key path of the object that holds them.
    struct Document {
        var root: JSONNode
        var duplicates: [Duplicate]
    }

    struct Duplicate {
        /// The key's path, ending in the key itself.
        var path: [AnyCodingKey]
        var first: JSONTextPosition
        var second: JSONTextPosition
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1
    private var duplicates: [Duplicate] = []

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> Document {
        var parser = StrictJSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        guard parser.index < bytes.count else {
            throw JSONSyntaxError(position: parser.position, message: "the file holds no JSON value; write {} for every default")
        }
        let root = try parser.value(path: [], depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw parser.error("more text after the end of the JSON value; a file holds one value (one {…})")
        }
        return Document(root: root, duplicates: parser.duplicates)
    }

    private var position: JSONTextPosition { JSONTextPosition(line: line, column: column) }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(position: position, message: message)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Moves past one byte, counting lines and characters (a UTF-8 continuation byte starts none).
    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { advance() }
    }

    private mutating func value(path: [AnyCodingKey], depth: Int) throws(JSONSyntaxError) -> JSONNode {
        let start = position
        guard let byte = current else { throw error("the file ends where a value should be") }
        switch byte {
        case UInt8(ascii: "{"):
            guard depth < Self.maxDepth else { throw error("nested more than \(Self.maxDepth) deep") }
            return JSONNode(value: .object(try members(path: path, depth: depth)), position: start)
        case UInt8(ascii: "["):
            guard depth < Self.maxDepth else { throw error("nested more than \(Self.maxDepth) deep") }
            return JSONNode(value: .array(try elements(path: path, depth: depth)), position: start)
        case UInt8(ascii: "\""):
            return JSONNode(value: .string(try string()), position: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try number()), position: start)
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            let word = self.word()
            switch word {
            case "true": return JSONNode(value: .bool(true), position: start)
            case "false": return JSONNode(value: .bool(false), position: start)
            case "null": return JSONNode(value: .null, position: start)
            default: throw JSONSyntaxError(position: start, message: Self.unknownWord(word))
            }
        default:
            throw unexpected(byte, expecting: "a value")
        }
    }

    /// `{` … `}`; the cursor is on `{`.
    private mutating func members(path: [AnyCodingKey], depth: Int) throws(JSONSyntaxError) -> [JSONNode.Member] {
        let open = position
        advance()
        var members: [JSONNode.Member] = []
        var seen: [String: JSONTextPosition] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            advance()
            return members
        }
        while true {
            skipWhitespace()
            guard let byte = current else { throw unclosed("an object", "}", open) }
            let keyPosition = position
            guard byte == UInt8(ascii: "\"") else {
                if byte == UInt8(ascii: "}"), !members.isEmpty {
                    throw error("a comma before } is not JSON (no trailing commas); remove the comma")
                }
                throw unexpected(byte, expecting: "a key in double quotes")
            }
            let key = try string()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                guard let byte = current else { throw unclosed("an object", "}", open) }
                throw unexpected(byte, expecting: ": after the key")
            }
            advance()
            skipWhitespace()
            let memberPath = path + [AnyCodingKey(stringValue: key)]
            let value = try value(path: memberPath, depth: depth + 1)
            if let first = seen[key] {
                duplicates.append(Duplicate(path: memberPath, first: first, second: keyPosition))
            } else {
                seen[key] = keyPosition
            }
            members.append(JSONNode.Member(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            guard let next = current else { throw unclosed("an object", "}", open) }
            if next == UInt8(ascii: "}") {
                advance()
                return members
            }
            guard next == UInt8(ascii: ",") else { throw unexpected(next, expecting: ", or } after a value") }
            advance()
        }
    }

    /// `[` … `]`; the cursor is on `[`.
    private mutating func elements(path: [AnyCodingKey], depth: Int) throws(JSONSyntaxError) -> [JSONNode] {
        let open = position
        advance()
        var elements: [JSONNode] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            advance()
            return elements
        }
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                throw error("a comma before ] is not JSON (no trailing commas); remove the comma")
            }
            guard current != nil else { throw unclosed("a list", "]", open) }
            elements.append(try value(path: path + [AnyCodingKey(intValue: elements.count)], depth: depth + 1))
            skipWhitespace()
            guard let next = current else { throw unclosed("a list", "]", open) }
            if next == UInt8(ascii: "]") {
                advance()
                return elements
            }
            guard next == UInt8(ascii: ",") else { throw unexpected(next, expecting: ", or ] after a value") }
            advance()
        }
    }

    /// A string in double quotes; the cursor is on the opening quote.
    private mutating func string() throws(JSONSyntaxError) -> String {
        let open = position
        advance()
        var scalars = String.UnicodeScalarView()
        while true {
            guard let byte = current else {
                throw JSONSyntaxError(position: open, message: "a string is not closed; add the missing \"")
            }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(scalars)
            case UInt8(ascii: "\\"):
                scalars.append(try escape())
            case 0x00...0x1F:
                let name = byte == 0x0A ? "a line break" : byte == 0x09 ? "a tab" : "control character U+00\(Self.hex(byte))"
                throw error("\(name) inside a string; write it escaped (\\n, \\t, \\u00XX), or close the string with \"")
            case 0x20...0x7F:
                scalars.append(Unicode.Scalar(byte))
                advance()
            default:
                scalars.append(try utf8Scalar())
            }
        }
    }

    /// One escape sequence; the cursor is on the backslash.
    private mutating func escape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let start = position
        advance()
        guard let byte = current else { throw JSONSyntaxError(position: start, message: "a string is not closed; add the missing \"") }
        advance()
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hexQuad(start)
            switch high {
            case 0xD800...0xDBFF:
                guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw JSONSyntaxError(position: start, message: Self.loneSurrogate(high))
                }
                advance()
                advance()
                let low = try hexQuad(start)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw JSONSyntaxError(position: start, message: Self.loneSurrogate(high))
                }
                // Within range by construction: 0x10000 + 20 bits.
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
            case 0xDC00...0xDFFF:
                throw JSONSyntaxError(position: start, message: Self.loneSurrogate(high))
            default:
                return Unicode.Scalar(high) ?? "\u{FFFD}"
            }
        default:
            throw JSONSyntaxError(
                position: start,
                message: "\\\(Self.character(byte)) is not a JSON escape; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX "
                    + "(a backslash in a path is written \\\\)")
        }
    }

    private mutating func hexQuad(_ start: JSONTextPosition) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexDigit(byte) else {
                throw JSONSyntaxError(position: start, message: "\\u needs four hexadecimal digits (\\u00e9)")
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    /// One multi-byte UTF-8 character inside a string, checked as RFC 3629 defines UTF-8.
    private mutating func utf8Scalar() throws(JSONSyntaxError) -> Unicode.Scalar {
        let lead = bytes[index]
        let (length, minimum): (Int, UInt32) =
            switch lead {
            case 0xC2...0xDF: (2, 0x80)
            case 0xE0...0xEF: (3, 0x800)
            case 0xF0...0xF4: (4, 0x10000)
            default: (0, 0)
            }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        var valid = length > 0 && index + length <= bytes.count
        if valid {
            for offset in 1..<length {
                let byte = bytes[index + offset]
                guard byte & 0xC0 == 0x80 else {
                    valid = false
                    break
                }
                value = value << 6 | UInt32(byte & 0x3F)
            }
        }
        guard valid, value >= minimum, let scalar = Unicode.Scalar(value) else {
            throw error("byte 0x\(Self.hex(lead)) is not UTF-8; save the file as UTF-8")
        }
        for _ in 0..<length { advance() }
        return scalar
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, returned as written.
    private mutating func number() throws(JSONSyntaxError) -> String {
        let start = index
        if current == UInt8(ascii: "-") { advance() }
        guard let first = current, Self.isDigit(first) else {
            throw error("a digit must follow the minus sign")
        }
        advance()
        if first == UInt8(ascii: "0"), let next = current, Self.isDigit(next) {
            throw error("a number does not start with 0 followed by digits (write 7, not 07)")
        }
        while let byte = current, Self.isDigit(byte) { advance() }
        if current == UInt8(ascii: ".") {
            advance()
            guard let byte = current, Self.isDigit(byte) else { throw error("a digit must follow the decimal point (1.0, not 1.)") }
            while let byte = current, Self.isDigit(byte) { advance() }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard let byte = current, Self.isDigit(byte) else { throw error("a digit must follow the exponent's e") }
            while let byte = current, Self.isDigit(byte) { advance() }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Letters at the cursor, consumed (for true, false, null and the words that are not JSON).
    private mutating func word() -> String {
        let start = index
        while let byte = current, Self.isWordByte(byte) { advance() }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private func unclosed(_ what: String, _ closer: String, _ open: JSONTextPosition) -> JSONSyntaxError {
        error("the file ends inside \(what) opened at \(open); add the missing \(closer)")
    }

    /// What to say about `byte` where `expecting` should be.
    private mutating func unexpected(_ byte: UInt8, expecting: String) -> JSONSyntaxError {
        switch byte {
        case UInt8(ascii: "/"):
            return error("comments (// or /* */) are not JSON; remove them")
        case UInt8(ascii: "'"):
            return error("strings and keys take double quotes (\"), not single ones")
        case UInt8(ascii: "+"):
            return error("a number does not start with +; write it without")
        case UInt8(ascii: "."):
            return error("a number needs a digit before the decimal point (0.5, not .5)")
        case _ where Self.isWordByte(byte):
            let start = position
            let word = self.word()
            if expecting.hasPrefix("a key") {
                return JSONSyntaxError(position: start, message: "keys take double quotes: write \"\(word)\"")
            }
            return JSONSyntaxError(position: start, message: Self.unknownWord(word))
        default:
            let shown = byte < 0x80 ? "\(Self.character(byte))" : "byte 0x\(Self.hex(byte))"
            return error("expected \(expecting), found \(shown)")
        }
    }

    private static func unknownWord(_ word: String) -> String {
        "\(word) is not a JSON value; values are \"strings\", numbers, true, false, null, {objects} and [lists]"
    }

    private static func loneSurrogate(_ value: UInt32) -> String {
        "\\u\(String(value, radix: 16)) is half of a surrogate pair, not a character; write the character itself"
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_") || isDigit(byte)
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }

    private static func character(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "U+00" + hex(byte)
    }
}
