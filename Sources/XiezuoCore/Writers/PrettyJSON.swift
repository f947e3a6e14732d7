/// A JSON document written the way Foundation's `JSONSerialization` writes it with
/// `.prettyPrinted` and `.sortedKeys` on Linux (two-space indent, `"key" : value`, `/` escaped
/// as `\/`), byte for byte, without its dynamic casts: `datapackage.json` through
/// `JSONSerialization` cost about 45 M instructions, an eighth of a small run.
/// `PrettyJSONTests` compares the two on every value shape `datapackage.json` uses.
indirect enum PrettyJSON: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case array([PrettyJSON])
    /// Keys are written sorted (by `String` order, as `.sortedKeys` does); a repeated key keeps its last value.
    case object([String: PrettyJSON])

    /// The document's bytes, without a final newline.
    var bytes: [UInt8] {
        var output: [UInt8] = []
        write(into: &output, depth: 0)
        return output
    }

    private func write(into output: inout [UInt8], depth: Int) {
        switch self {
        case .string(let text):
            Self.writeString(text, into: &output)
        case .bool(let value):
            output.append(contentsOf: (value ? "true" : "false").utf8)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            output.append(10)
            // An empty container still gets its (blank) line, as JSONSerialization writes it.
            if elements.isEmpty { output.append(10) }
            for (index, element) in elements.enumerated() {
                Self.indent(depth + 1, into: &output)
                element.write(into: &output, depth: depth + 1)
                if index + 1 < elements.count { output.append(UInt8(ascii: ",")) }
                output.append(10)
            }
            Self.indent(depth, into: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            output.append(10)
            if members.isEmpty { output.append(10) }
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                Self.indent(depth + 1, into: &output)
                Self.writeString(key, into: &output)
                output.append(contentsOf: " : ".utf8)
                members[key]?.write(into: &output, depth: depth + 1)
                if index + 1 < keys.count { output.append(UInt8(ascii: ",")) }
                output.append(10)
            }
            Self.indent(depth, into: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func indent(_ depth: Int, into output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private static func writeString(_ text: String, into output: inout [UInt8]) {
        JSONText.appendQuoted(text, escapingSlashes: true, into: &output)
    }
}
