/// A straightforward decoder of the RLE / bit-packing hybrid (parquet-format Encodings.md),
/// written independently of the encoder so round trips can check it on arbitrary input.
enum RLEHybridDecoder {
    /// Decodes `count` values; `nil` if the input ends early or has trailing bytes.
    static func decode(_ bytes: [UInt8], bitWidth: Int, count: Int) -> [UInt64]? {
        var values: [UInt64] = []
        var position = 0
        func varint() -> UInt64? {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                result |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return result }
                shift += 7
            }
            return nil
        }
        while values.count < count {
            guard let header = varint() else { return nil }
            if header & 1 == 1 {
                let valueCount = Int(header >> 1) * 8
                let byteCount = valueCount * bitWidth / 8
                guard position + byteCount <= bytes.count else { return nil }
                for index in 0..<valueCount {
                    var value: UInt64 = 0
                    for bit in 0..<bitWidth {
                        let absolute = index * bitWidth + bit
                        let byte = bytes[position + absolute / 8]
                        if (byte >> UInt8(absolute % 8)) & 1 == 1 { value |= 1 << UInt64(bit) }
                    }
                    if values.count < count { values.append(value) }
                }
                position += byteCount
            } else {
                let repeats = Int(header >> 1)
                let byteCount = (bitWidth + 7) / 8
                guard position + byteCount <= bytes.count else { return nil }
                var value: UInt64 = 0
                for index in 0..<byteCount { value |= UInt64(bytes[position + index]) << UInt64(8 * index) }
                position += byteCount
                values.append(contentsOf: repeatElement(value, count: repeats))
            }
        }
        return position == bytes.count && values.count == count ? values : nil
    }
}
