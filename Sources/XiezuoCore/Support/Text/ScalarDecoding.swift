/// A string's Unicode scalars as an array, decoded from its UTF-8 by hand. `ArticleRepair`
/// needs every article's scalars, and `Array(text.unicodeScalars)` appends one element at a
/// time (about 100 MB/s); writing into uninitialised storage of the right size is several times
/// faster. A Swift string's UTF-8 is always well-formed, so no validation is needed here.
enum ScalarDecoding {
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { output, written in
                var index = 0
                var end = 0
                let count = bytes.count
                while index < count {
                    let lead = UInt32(bytes[index])
                    var value: UInt32
                    if lead < 0x80 {
                        value = lead
                        index += 1
                    } else if lead < 0xE0, index + 1 < count {
                        value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        index += 2
                    } else if lead < 0xF0, index + 2 < count {
                        value =
                            (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        index += 3
                    } else if index + 3 < count {
                        value =
                            (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        index += 4
                    } else {
                        value = 0xFFFD
                        index = count
                    }
                    output.initializeElement(at: end, to: Unicode.Scalar(value) ?? "\u{FFFD}")
                    end += 1
                }
                written = end
            }
        }
    }
}
