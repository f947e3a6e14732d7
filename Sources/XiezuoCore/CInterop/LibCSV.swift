import CLibCSV

/// The only door to libcsv. Quoting and parsing of CSV are libcsv's; nothing here decides
/// how a field is escaped.
enum LibCSV {
    /// Appends `field` to `output` as one quoted CSV field (`"…"`, inner quotes doubled),
    /// written by libcsv's `csv_write`. `scratch` is reused between calls to avoid allocations.
    static func appendQuoted(_ field: String, to output: inout [UInt8], scratch: inout [UInt8]) {
        var field = field
        field.withUTF8 { source in
            // csv_write needs at most two bytes per input byte plus the two enclosing quotes.
            let needed = source.count * 2 + 2
            if scratch.count < needed { scratch = [UInt8](repeating: 0, count: max(needed, scratch.count * 2)) }
            let written = scratch.withUnsafeMutableBytes { destination in
                csv_write(destination.baseAddress, destination.count, source.baseAddress, source.count)
            }
            // Through a buffer pointer, a memcpy; an ArraySlice would be copied element-wise.
            scratch.withUnsafeBufferPointer { quoted in
                output.append(contentsOf: UnsafeBufferPointer(rebasing: quoted[0..<written]))
            }
        }
    }

    /// Streams CSV bytes through libcsv's parser, handing back complete records.
    /// A final class owns the `csv_parser` and frees it in `deinit`.
    final class Parser {
        private var parser = csv_parser()
        private let collector = Collector()

        /// Empty unquoted fields come back as `nil`, quoted empty fields as `""`.
        init() throws(CSVError) {
            let options = UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL)
            guard csv_init(&parser, options) == 0 else {
                throw CSVError(message: "libcsv could not initialise a parser (out of memory)")
            }
        }

        deinit {
            csv_free(&parser)
        }

        /// Parses the next chunk; returns the records it completed.
        func parse(_ bytes: UnsafeRawBufferPointer) throws(CSVError) -> [[String?]] {
            let opaque = Unmanaged.passUnretained(collector).toOpaque()
            let consumed = csv_parse(&parser, bytes.baseAddress, bytes.count, Parser.onField, Parser.onRecord, opaque)
            if consumed != bytes.count {
                throw CSVError(message: String(cString: csv_strerror(csv_error(&parser))), record: collector.recordCount + 1)
            }
            return collector.takeRecords()
        }

        /// Flushes the last record; fails on an unterminated quoted field.
        func finish() throws(CSVError) -> [[String?]] {
            let opaque = Unmanaged.passUnretained(collector).toOpaque()
            if csv_fini(&parser, Parser.onField, Parser.onRecord, opaque) != 0 {
                throw CSVError(message: String(cString: csv_strerror(csv_error(&parser))), record: collector.recordCount + 1)
            }
            return collector.takeRecords()
        }

        private static let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
            field, length, data in
            guard let data else { return }
            let collector = Unmanaged<Collector>.fromOpaque(data).takeUnretainedValue()
            guard let field else {
                collector.current.append(nil)
                return
            }
            let bytes = UnsafeRawBufferPointer(start: field, count: length)
            collector.current.append(String(decoding: bytes, as: UTF8.self))
        }

        private static let onRecord: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, data in
            guard let data else { return }
            let collector = Unmanaged<Collector>.fromOpaque(data).takeUnretainedValue()
            collector.records.append(collector.current)
            collector.current = []
            collector.recordCount += 1
        }

        /// What the C callbacks fill; only touched from inside `csv_parse`/`csv_fini` on the
        /// parser's own thread.
        private final class Collector {
            var current: [String?] = []
            var records: [[String?]] = []
            var recordCount = 0

            func takeRecords() -> [[String?]] {
                defer { records = [] }
                return records
            }
        }
    }
}
