/// A minimal Thrift Compact Protocol encoder, enough for Parquet's footer and page headers
/// (parquet-format README "Metadata": all metadata is Thrift, compact protocol).
///
/// Encoding rules (thrift doc/specs/thrift-compact-protocol.md):
/// - integers i16/i32/i64 are zigzag-encoded, then written as unsigned LEB128 varints;
/// - binary and string are a varint byte length followed by the bytes;
/// - a field header is one byte `(delta << 4) | type` when the field id is 1...15 above the
///   previous field id of the same struct, otherwise the type byte followed by the zigzag
///   varint i16 field id ("long form");
/// - a bool field has no value byte: the type nibble is 1 for true, 2 for false;
/// - a list header is `(size << 4) | elementType` for sizes below 15, otherwise
///   `0xF0 | elementType` followed by the varint size;
/// - a struct ends with a stop byte 0x00; unions are structs with exactly one field set.
///
/// The previous field id is tracked per struct nesting level, since deltas restart at 0
/// inside each nested struct.
struct ThriftCompactWriter {
    private(set) var bytes: [UInt8] = []
    private var lastFieldID: Int16 = 0
    private var enclosingFieldIDs: [Int16] = []

    init() {}

    // MARK: Structs

    /// Writes a struct (or union) whose fields `body` writes, followed by the stop byte.
    mutating func writeStruct(_ body: (inout ThriftCompactWriter) -> Void) {
        enclosingFieldIDs.append(lastFieldID)
        lastFieldID = 0
        body(&self)
        bytes.append(0)
        lastFieldID = enclosingFieldIDs.removeLast()
    }

    /// A struct-typed field.
    mutating func structField(_ id: Int16, _ body: (inout ThriftCompactWriter) -> Void) {
        writeFieldHeader(id, .struct)
        writeStruct(body)
    }

    /// A field holding an empty struct, as used by Parquet's marker types (StringType,
    /// DateType, TypeDefinedOrder).
    mutating func emptyStructField(_ id: Int16) {
        structField(id) { _ in }
    }

    // MARK: Scalar fields

    mutating func boolField(_ id: Int16, _ value: Bool) {
        writeFieldHeader(id, value ? .booleanTrue : .booleanFalse)
    }

    mutating func i8Field(_ id: Int16, _ value: Int8) {
        writeFieldHeader(id, .byte)
        bytes.append(UInt8(bitPattern: value))
    }

    mutating func i16Field(_ id: Int16, _ value: Int16) {
        writeFieldHeader(id, .i16)
        writeVarint(UInt64(ThriftCompactWriter.zigzag(Int32(value))))
    }

    mutating func i32Field(_ id: Int16, _ value: Int32) {
        writeFieldHeader(id, .i32)
        writeI32(value)
    }

    mutating func i64Field(_ id: Int16, _ value: Int64) {
        writeFieldHeader(id, .i64)
        writeI64(value)
    }

    mutating func binaryField(_ id: Int16, _ value: [UInt8]) {
        writeFieldHeader(id, .binary)
        writeBinary(value)
    }

    mutating func stringField(_ id: Int16, _ value: String) {
        binaryField(id, Array(value.utf8))
    }

    // MARK: Lists

    /// A list-typed field header; the caller then writes exactly `count` elements with the
    /// element writers below (`writeStruct` for struct elements).
    mutating func listField(_ id: Int16, of elementType: ThriftCompactType, count: Int) {
        writeFieldHeader(id, .list)
        writeListHeader(elementType, count: count)
    }

    mutating func writeListHeader(_ elementType: ThriftCompactType, count: Int) {
        if count < 15 {
            bytes.append(UInt8(count) << 4 | elementType.rawValue)
        } else {
            bytes.append(0xF0 | elementType.rawValue)
            writeVarint(UInt64(count))
        }
    }

    /// A list element or bare value of type i32 (zigzag varint).
    mutating func writeI32(_ value: Int32) {
        writeVarint(UInt64(ThriftCompactWriter.zigzag(value)))
    }

    /// A list element or bare value of type i64 (zigzag varint).
    mutating func writeI64(_ value: Int64) {
        writeVarint(ThriftCompactWriter.zigzag(value))
    }

    /// A list element or bare value of type binary/string (varint length, then the bytes).
    mutating func writeBinary(_ value: [UInt8]) {
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    // MARK: Primitives

    mutating func writeFieldHeader(_ id: Int16, _ type: ThriftCompactType) {
        let delta = Int(id) - Int(lastFieldID)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            writeVarint(UInt64(ThriftCompactWriter.zigzag(Int32(id))))
        }
        lastFieldID = id
    }

    /// Unsigned LEB128: 7 bits per byte, least significant group first, high bit = more.
    mutating func writeVarint(_ value: UInt64) {
        var remaining = value
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    /// Zigzag maps signed to unsigned so that small magnitudes stay small: 0, -1, 1, -2 → 0, 1, 2, 3.
    static func zigzag(_ value: Int32) -> UInt32 {
        UInt32(bitPattern: (value << 1) ^ (value >> 31))
    }

    static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }
}
