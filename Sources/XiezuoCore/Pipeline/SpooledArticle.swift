import Foundation

/// One article as the per-article stages hand it to the global ones: its record (document row
/// and facts) and its fingerprint.
struct SpooledArticle: Sendable {
    var record: ArticleRecord
    /// Where the article's paragraphs came from in the source (the `paragraphs` table).
    var paragraphs: [ArticleParagraph]
    var fingerprint: ArticleFingerprint

    var shingleBytes: [UInt8] { Self.bytes(of: fingerprint.shingles.hashes) }
    var bandKeyBytes: [UInt8] { Self.bytes(of: fingerprint.bandKeys) }

    func encode(to encoder: inout SpoolEncoder) {
        record.encode(to: &encoder)
        ArticleParagraph.encode(paragraphs, to: &encoder)
        encoder.integer(Int(Int64(bitPattern: fingerprint.exactKey)))
        encoder.integer(fingerprint.bandKeys.count)
        for key in fingerprint.bandKeys { encoder.integer(Int(Int64(bitPattern: key))) }
        encoder.integer(fingerprint.shingles.count)
        for hash in fingerprint.shingles.hashes { encoder.integer(Int(hash)) }
    }

    init(record: ArticleRecord, paragraphs: [ArticleParagraph], fingerprint: ArticleFingerprint) {
        self.record = record
        self.paragraphs = paragraphs
        self.fingerprint = fingerprint
    }

    var paragraphBytes: [UInt8] {
        var encoder = SpoolEncoder()
        ArticleParagraph.encode(paragraphs, to: &encoder)
        return encoder.bytes
    }

    init(from decoder: inout SpoolDecoder) throws(SpoolDecoder.Corrupt) {
        record = try ArticleRecord(from: &decoder)
        paragraphs = try ArticleParagraph.decode(from: &decoder)
        let exactKey = UInt64(bitPattern: Int64(try decoder.integer()))
        let bandCount = try decoder.integer()
        guard (0...4096).contains(bandCount) else { throw SpoolDecoder.Corrupt() }
        var bandKeys: [UInt64] = []
        for _ in 0..<bandCount { bandKeys.append(UInt64(bitPattern: Int64(try decoder.integer()))) }
        let shingleCount = try decoder.integer()
        guard shingleCount >= 0 else { throw SpoolDecoder.Corrupt() }
        var hashes: [UInt32] = []
        hashes.reserveCapacity(shingleCount)
        for _ in 0..<shingleCount {
            guard let hash = UInt32(exactly: try decoder.integer()) else { throw SpoolDecoder.Corrupt() }
            hashes.append(hash)
        }
        fingerprint = ArticleFingerprint(exactKey: exactKey, shingles: ShingleSet(hashes: hashes), bandKeys: bandKeys)
    }

    /// Little-endian bytes of fixed-width integers, for the store's BLOB columns.
    static func bytes<Value: FixedWidthInteger>(of values: [Value]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * MemoryLayout<Value>.size)
        for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        return bytes
    }

    static func uint32s(from data: Data) -> [UInt32] { integers(from: data) }
    static func uint64s(from data: Data) -> [UInt64] { integers(from: data) }

    private static func integers<Value: FixedWidthInteger>(from data: Data) -> [Value] {
        let size = MemoryLayout<Value>.size
        var values: [Value] = []
        values.reserveCapacity(data.count / size)
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset + size <= buffer.count {
                values.append(Value(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: Value.self)))
                offset += size
            }
        }
        return values
    }
}
