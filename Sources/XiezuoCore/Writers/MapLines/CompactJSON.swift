/// A JSON value written on one line the way Foundation's `JSONSerialization` writes it with
/// `.sortedKeys` and `.withoutEscapingSlashes` (no spaces, keys in `String` order), byte for
/// byte, without its bridging and dynamic casts: through `JSONSerialization`, writing the map's
/// lines cost four times what cleaning and extracting the sources did. `MapRecordTests` reads
/// every line back through `JSONSerialization` and compares its bytes.
indirect enum CompactJSON: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case null
    case array([CompactJSON])
    /// Keys are written sorted; a repeated key keeps its last value.
    case object([String: CompactJSON])

    /// A string, or null when there is none.
    static func text(_ text: String?) -> CompactJSON { text.map(CompactJSON.string) ?? .null }

    func write(into output: inout [UInt8]) {
        switch self {
        case .string(let text):
            JSONText.appendQuoted(text, escapingSlashes: false, into: &output)
        case .integer(let number):
            output.append(contentsOf: String(number).utf8)
        case .null:
            output.append(contentsOf: "null".utf8)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONText.appendQuoted(key, escapingSlashes: false, into: &output)
                output.append(UInt8(ascii: ":"))
                members[key]?.write(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }
}
