import Foundation

/// One article as the per-article stages hand it to the store: its record (document row and
/// facts), where its paragraphs came from, and its fingerprint.
struct ProcessedArticle: Sendable {
    var record: ArticleRecord
    /// Where the article's paragraphs came from in the source (the `paragraphs` table).
    var paragraphs: [ArticleParagraph]
    var fingerprint: ArticleFingerprint

    var shingleBytes: [UInt8] { Self.bytes(of: fingerprint.shingles.hashes) }
    var bandKeyBytes: [UInt8] { Self.bytes(of: fingerprint.bandKeys) }
    var figureBytes: [UInt8] { Self.bytes(of: fingerprint.figures.entries) }

    var paragraphBytes: [UInt8] {
        var encoder = RecordEncoder()
        ArticleParagraph.encode(paragraphs, to: &encoder)
        return encoder.bytes
    }

    init(record: ArticleRecord, paragraphs: [ArticleParagraph], fingerprint: ArticleFingerprint) {
        self.record = record
        self.paragraphs = paragraphs
        self.fingerprint = fingerprint
    }

    /// Little-endian bytes of fixed-width integers, for the store's BLOB columns.
    static func bytes<Value: FixedWidthInteger>(of values: [Value]) -> [UInt8] {
        var bytes: [UInt8] = []
        appendBytes(of: values, to: &bytes)
        return bytes
    }

    static func appendBytes<Value: FixedWidthInteger>(of values: [Value], to bytes: inout [UInt8]) {
        #if _endian(little)
            values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
            bytes.reserveCapacity(bytes.count + values.count * MemoryLayout<Value>.size)
            for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
    }

    static func uint32s(from data: Data) -> [UInt32] { data.withUnsafeBytes { integers(from: $0) } }
    static func uint64s(from data: Data) -> [UInt64] { data.withUnsafeBytes { integers(from: $0) } }

    static func integers<Value: FixedWidthInteger>(from buffer: UnsafeRawBufferPointer) -> [Value] {
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
