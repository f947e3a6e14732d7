import Foundation

/// Turns one `JSONNode` into a Swift scalar, or says exactly why it does not fit: the wrong
/// kind of value is a type mismatch (reported as "expected a whole number"), a number that
/// does not fit its type names itself (`10.5 is not a whole number`, `1e400 is out of range`).
enum JSONNodeScalars {
    static func bool(_ node: JSONNode, at path: [any CodingKey]) throws -> Bool {
        guard case .bool(let value) = node.value else { throw mismatch(Bool.self, node, path) }
        return value
    }

    static func string(_ node: JSONNode, at path: [any CodingKey]) throws -> String {
        guard case .string(let value) = node.value else { throw mismatch(String.self, node, path) }
        return value
    }

    static func integer<Value: FixedWidthInteger>(_ type: Value.Type, _ node: JSONNode, at path: [any CodingKey]) throws -> Value {
        guard case .number(let literal) = node.value else { throw mismatch(Value.self, node, path) }
        if let value = Value(literal) { return value }
        let integral = !literal.contains { $0 == "." || $0 == "e" || $0 == "E" }
        if !integral {
            // 1e3 and 10.0 are whole numbers written another way; 10.5 and 1e-3 are not.
            guard let decimal = Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX")), decimal.isFinite else {
                throw corrupted("\(literal) is out of range: at most \(Value.max)", path)
            }
            var rounded = Decimal()
            var copy = decimal
            NSDecimalRound(&rounded, &copy, 0, .plain)
            guard rounded == decimal else { throw corrupted("\(literal) is not a whole number", path) }
            if let value = Value(exactly: NSDecimalNumber(decimal: decimal).int64Value), Decimal(Int64(value)) == decimal {
                return value
            }
        }
        let bound = literal.hasPrefix("-") ? "at least \(Value.min)" : "at most \(Value.max)"
        throw corrupted("\(literal) is out of range: \(bound)", path)
    }

    static func double(_ node: JSONNode, at path: [any CodingKey]) throws -> Double {
        guard case .number(let literal) = node.value else { throw mismatch(Double.self, node, path) }
        guard let value = Double(literal), value.isFinite else {
            throw corrupted("\(literal) is out of range for a number", path)
        }
        return value
    }

    static func float(_ node: JSONNode, at path: [any CodingKey]) throws -> Float {
        let narrowed = Float(try double(node, at: path))
        guard narrowed.isFinite else { throw corrupted("\(node.value) is out of range for a number", path) }
        return narrowed
    }

    static func mismatch(_ type: Any.Type, _ node: JSONNode, _ path: [any CodingKey]) -> DecodingError {
        DecodingError.typeMismatch(type, DecodingError.Context(codingPath: path, debugDescription: "found \(node.kind)"))
    }

    static func corrupted(_ message: String, _ path: [any CodingKey]) -> DecodingError {
        DecodingError.dataCorrupted(DecodingError.Context(codingPath: path, debugDescription: message))
    }
}
