/// A compact binary encoding for the store's article records: unsigned LEB128 lengths and
/// zigzag integers.
struct RecordEncoder {
    var bytes: [UInt8] = []

    mutating func integer(_ value: Int) {
        var zigzag = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while zigzag >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    mutating func string(_ value: String) {
        integer(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optionalString(_ value: String?) {
        guard let value else { return integer(-1) }
        string(value)
    }

    /// An optional string, or one byte when it equals `previous` (a field of the previous
    /// fact): `RecordDecoder.optionalString(after:)` gives it back.
    mutating func optionalString(_ value: String?, after previous: String?) {
        if let value, let previous, value == previous { return same() }
        optionalString(value)
    }

    /// "The same as the previous fact's", where a length or a string would be.
    mutating func same() {
        integer(-2)
    }

    mutating func optionalInteger(_ value: Int?) {
        bool(value != nil)
        if let value { integer(value) }
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func decimal(_ value: ExactDecimal) {
        integer(Int(value.significand))
        integer(value.scale)
    }

    mutating func optionalDecimal(_ value: ExactDecimal?) {
        bool(value != nil)
        if let value { decimal(value) }
    }
}
