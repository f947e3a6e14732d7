import Foundation

/// A temporary file of `SpooledArticle`s in input order, each behind a 4-byte length.
final class Spool {
    let path: String
    private let writer: BufferedFileWriter
    private var encoder = SpoolEncoder()

    init(path: String) throws(OutputError) {
        self.path = path
        writer = try BufferedFileWriter(path: path)
    }

    func append(_ record: SpooledArticle) throws(OutputError) {
        encoder.bytes.removeAll(keepingCapacity: true)
        record.encode(to: &encoder)
        let length = UInt32(encoder.bytes.count).littleEndian
        try writer.withBuffer { buffer in
            withUnsafeBytes(of: length) { buffer.append(contentsOf: $0) }
            buffer.append(contentsOf: encoder.bytes)
        }
    }

    /// Ends writing; afterwards the spool can be read.
    func finishWriting() throws(OutputError) {
        try writer.close()
    }

    /// Reads the records back in order, one at a time.
    func forEach(_ body: (SpooledArticle) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw OutputError(path: path, message: "the spool cannot be reopened")
        }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var start = 0
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw OutputError(path: path, message: "reading the spool failed: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { break }
            pending.removeFirst(start)
            start = 0
            pending.append(contentsOf: chunk)
            while pending.count - start >= 4 {
                let length = Int(pending[start]) | Int(pending[start + 1]) << 8 | Int(pending[start + 2]) << 16
                    | Int(pending[start + 3]) << 24
                guard pending.count - start - 4 >= length else { break }
                var decoder = SpoolDecoder(Array(pending[(start + 4)..<(start + 4 + length)]))
                let record: SpooledArticle
                do {
                    record = try SpooledArticle(from: &decoder)
                } catch {
                    throw OutputError(path: path, message: "the spool is corrupt; the disk may be failing")
                }
                try body(record)
                start += 4 + length
            }
        }
        if start != pending.count {
            throw OutputError(path: path, message: "the spool ends inside a record; the disk may be full")
        }
    }
}
