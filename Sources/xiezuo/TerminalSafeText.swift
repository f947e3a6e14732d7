/// Text made safe for a log line that people read in a terminal: no character in it can end
/// the line, move the cursor, clear the screen or reorder what is shown. Source names, URLs
/// and reasons come from the input, so a file named `a\n… run finished …\u{1B}[2J.txt` must
/// not forge a log line or blank the operator's terminal.
///
/// C0 and C1 controls and DEL are escaped as JSON escapes them (`\n`, `\r`, `\t`, `\u001b`);
/// so are the characters that break or reorder a line without being controls: U+2028, U+2029
/// and the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
/// U+202A–U+202E, U+2066–U+2069). A backslash is doubled so that an escape stays readable as one.
enum TerminalSafeText {
    static func escaped(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            default:
                if isUnsafe(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Whether `escaped` would change `text`: it holds an unsafe character or a backslash.
    static func needsEscaping(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\\" || isUnsafe($0) }
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
