/// One value of a `JSONNode` tree (`JSONNodeDecoder`).
struct JSONNodeSingleValueContainer: SingleValueDecodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { node.value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try JSONNodeScalars.bool(node, at: codingPath) }
    func decode(_ type: String.Type) throws -> String { try JSONNodeScalars.string(node, at: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try JSONNodeScalars.double(node, at: codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try JSONNodeScalars.float(node, at: codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try JSONNodeScalars.integer(type, node, at: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try JSONNodeScalars.integer(type, node, at: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try JSONNodeScalars.integer(type, node, at: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try JSONNodeScalars.integer(type, node, at: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try JSONNodeScalars.integer(type, node, at: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try JSONNodeScalars.integer(type, node, at: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try JSONNodeScalars.integer(type, node, at: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try JSONNodeScalars.integer(type, node, at: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try JSONNodeScalars.integer(type, node, at: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try JSONNodeScalars.integer(type, node, at: codingPath) }

    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try Value(from: JSONNodeDecoder(node: node, codingPath: codingPath))
    }
}
