/// Decoding helpers for `pipeline.json`: every section rejects keys it does not know, so a
/// typo such as `"worker": 4` is an error that names the key instead of a silent default.
/// While a `ConfigProblemCollector` is current, a bad key is recorded there and decoding goes
/// on with the key's default, so that every problem of the file is found in one pass.
extension Decoder {
    /// The keyed container for `Keys`, after checking that the object has no other keys.
    func strictContainer<Keys: CodingKey & CaseIterable>(keyedBy keys: Keys.Type) throws -> KeyedDecodingContainer<Keys> {
        let known = Set(Keys.allCases.map(\.stringValue))
        let actual = try container(keyedBy: AnyCodingKey.self)
        for key in actual.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !known.contains(key.stringValue) {
            let expected = Keys.allCases.map(\.stringValue).joined(separator: ", ")
            try ConfigProblemCollector.recordOrThrow(
                DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: codingPath + [key],
                        debugDescription: "unknown key; expected one of: \(expected)"
                    )
                )
            )
        }
        return try container(keyedBy: Keys.self)
    }
}

extension KeyedDecodingContainer {
    /// The value at `key`, or `fallback` when the key is absent (or, while problems are being
    /// collected, when its value is wrong).
    func value<Value: Decodable>(_ key: Key, default fallback: @autoclosure () -> Value) throws -> Value {
        do {
            if ConfigProblemCollector.current != nil, let list = Value.self as? any ElementwiseDecodable.Type,
                contains(key), try !decodeNil(forKey: key)
            {
                return try list.decodeEachElement(from: try nestedUnkeyedContainer(forKey: key)) as? Value ?? fallback()
            }
            return try decodeIfPresent(Value.self, forKey: key) ?? fallback()
        } catch {
            try ConfigProblemCollector.recordOrThrow(error)
            return fallback()
        }
    }

    /// A string that must be one of `choices`, reported with the allowed values when it is not.
    func choice<Value: RawRepresentable & CaseIterable>(
        _ key: Key, default fallback: Value
    ) throws -> Value where Value.RawValue == String {
        do {
            guard let raw = try decodeIfPresent(String.self, forKey: key) else { return fallback }
            return try Self.resolve(raw, as: Value.self, path: codingPath + [key])
        } catch {
            try ConfigProblemCollector.recordOrThrow(error)
            return fallback
        }
    }

    /// A list of strings, each of which must be one of `Value`'s cases.
    func choices<Value: RawRepresentable & CaseIterable>(
        _ key: Key, default fallback: [Value]
    ) throws -> [Value] where Value.RawValue == String {
        do {
            guard let raws = try decodeIfPresent([String].self, forKey: key) else { return fallback }
            var values: [Value] = []
            var failed = false
            for (index, raw) in raws.enumerated() {
                do {
                    values.append(try Self.resolve(raw, as: Value.self, path: codingPath + [key, AnyCodingKey(intValue: index)]))
                } catch {
                    try ConfigProblemCollector.recordOrThrow(error)
                    failed = true
                }
            }
            return failed ? fallback : values
        } catch {
            try ConfigProblemCollector.recordOrThrow(error)
            return fallback
        }
    }

    private static func resolve<Value: RawRepresentable & CaseIterable>(
        _ raw: String, as type: Value.Type, path: [any CodingKey]
    ) throws -> Value where Value.RawValue == String {
        if let value = Value(rawValue: raw) { return value }
        let allowed = Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        throw DecodingError.dataCorrupted(
            DecodingError.Context(codingPath: path, debugDescription: "\"\(raw)\" is not allowed; expected one of: \(allowed)")
        )
    }
}
