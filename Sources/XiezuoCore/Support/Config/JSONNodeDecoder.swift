/// A `Decoder` over a `JSONNode` read by `StrictJSONParser`, used for `pipeline.json` in place
/// of Foundation's `JSONDecoder`, which reports a number that does not fit its key only as
/// "not valid JSON" and without the key (`JSONNodeScalars` says what is wrong instead).
struct JSONNodeDecoder: Decoder {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = node.value else { throw JSONNodeScalars.mismatch([String: Any].self, node, codingPath) }
        return KeyedDecodingContainer(JSONNodeKeyedContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = node.value else { throw JSONNodeScalars.mismatch([Any].self, node, codingPath) }
        return JSONNodeUnkeyedContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        JSONNodeSingleValueContainer(node: node, codingPath: codingPath)
    }
}
