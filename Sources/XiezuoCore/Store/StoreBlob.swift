import Foundation

/// The store's BLOB columns of fixed-width integers (shingles, band keys, figure signatures):
/// little-endian, back to back.
enum StoreBlob {
    static func bytes<Value: FixedWidthInteger>(of values: [Value]) -> [UInt8] {
        var bytes: [UInt8] = []
        #if _endian(little)
            values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
            bytes.reserveCapacity(values.count * MemoryLayout<Value>.size)
            for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
        return bytes
    }

    static func uint32s(from data: Data) -> [UInt32] { data.withUnsafeBytes { integers(from: $0) } }
    static func uint64s(from data: Data) -> [UInt64] { data.withUnsafeBytes { integers(from: $0) } }

    private static func integers<Value: FixedWidthInteger>(from buffer: UnsafeRawBufferPointer) -> [Value] {
        let size = MemoryLayout<Value>.size
        let count = buffer.count / size
        return [Value](unsafeUninitializedCapacity: count) { values, initialized in
            for index in 0..<count {
                values[index] = Value(littleEndian: buffer.loadUnaligned(fromByteOffset: index * size, as: Value.self))
            }
            initialized = count
        }
    }
}
