/// One value of a JSON text as `StrictJSONParser` read it, with where it starts. Numbers keep
/// their literal, so that the decoder can say exactly why one does not fit its key
/// (`10.5 is not a whole number`) instead of losing it to a binary conversion.
struct JSONNode: Sendable, Equatable {
    indirect enum Value: Sendable, Equatable {
        /// Members in the order written; a key written twice is a syntax problem.
        case object([Member])
        case array([JSONNode])
        case string(String)
        /// The literal as written, e.g. `-1.5e3`.
        case number(String)
        case bool(Bool)
        case null
    }

    struct Member: Sendable, Equatable {
        var key: String
        var keyPosition: JSONTextPosition
        var value: JSONNode
    }

    var value: Value
    var position: JSONTextPosition

    /// The kind of value, for messages: "a string", "an object".
    var kind: String {
        switch value {
        case .object: "an object"
        case .array: "a list"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }
}
