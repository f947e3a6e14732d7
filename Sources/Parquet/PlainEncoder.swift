/// PLAIN encoding (parquet-format Encodings.md, "Plain (PLAIN = 0)"): INT32 as 4 and INT64
/// as 8 little-endian bytes; BYTE_ARRAY as a 4-byte little-endian length followed by the
/// bytes. Statistics use the same encoding minus the BYTE_ARRAY length prefix.
enum PlainEncoder {
    static func appendInt32s(_ values: ArraySlice<Int32>, to output: inout [UInt8]) {
        #if _endian(little)
        values.withUnsafeBytes { output.append(contentsOf: $0) }
        #else
        for value in values { appendInt32(value, to: &output) }
        #endif
    }

    static func appendInt64s(_ values: ArraySlice<Int64>, to output: inout [UInt8]) {
        #if _endian(little)
        values.withUnsafeBytes { output.append(contentsOf: $0) }
        #else
        for value in values { appendInt64(value, to: &output) }
        #endif
    }

    static func appendInt32(_ value: Int32, to output: inout [UInt8]) {
        appendUInt32(UInt32(bitPattern: value), to: &output)
    }

    static func appendInt64(_ value: Int64, to output: inout [UInt8]) {
        let bits = UInt64(bitPattern: value)
        for shift in stride(from: 0, to: 64, by: 8) {
            output.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
        }
    }

    static func appendUInt32(_ value: UInt32, to output: inout [UInt8]) {
        output.append(UInt8(truncatingIfNeeded: value))
        output.append(UInt8(truncatingIfNeeded: value >> 8))
        output.append(UInt8(truncatingIfNeeded: value >> 16))
        output.append(UInt8(truncatingIfNeeded: value >> 24))
    }

    static func appendByteArray(_ value: ArraySlice<UInt8>, to output: inout [UInt8]) {
        appendUInt32(UInt32(value.count), to: &output)
        output.append(contentsOf: value)
    }
}
