import Foundation

/// Writes one Apache Parquet file, row by row, holding at most one row group in memory.
///
/// Layout (parquet-format README, "File format"):
/// `PAR1 <column chunk 1 of row group 1> … <column chunk N of row group M> <FileMetaData>
/// <4-byte little-endian FileMetaData length> PAR1`. Each column chunk is an optional
/// dictionary page plus data pages v1, every page ZSTD-compressed. The footer records the
/// schema, each chunk's offsets, sizes and statistics, and a TypeDefinedOrder per column so
/// readers trust min/max.
///
/// The same rows always give byte-identical files: nothing depends on time, hashing order
/// or the machine.
///
/// A file that was not closed successfully is deleted when the writer goes away: without
/// its footer it is not Parquet, and a stray truncated `*.parquet` would break an analyst's
/// `read_parquet('dir/*.parquet')`.
public final class ParquetFileWriter {
    /// The file being written.
    public let path: String
    /// The schema, in column order.
    public let columns: [ParquetColumn]
    /// Rows per row group; the last row group holds the remainder.
    public let rowGroupRows: Int
    /// A row group is also written once its buffered values reach this many bytes, so that
    /// a table of long rows (sentences of evidence) does not hold `rowGroupRows` of them.
    public let rowGroupBytes: Int

    private let encoder: ColumnChunkEncoder
    /// For `.decimal` columns: 10^precision, which the unscaled magnitude must stay below.
    private let decimalLimits: [UInt64]
    /// Each column's type and optionality, apart from its name: `check` reads them per cell,
    /// and copying a `ParquetColumn` (retaining its name) cost more than the check.
    private let types: [ParquetType]
    private let optionals: [Bool]
    private var handle: FileHandle?
    private var buffers: [ColumnBuffer]
    private var bufferedRows = 0
    private var fileOffset: Int64 = 0
    private var rowGroups: [RowGroupSummary] = []
    private var chunkBytes: [UInt8] = []
    private var closed = false
    /// Set when an I/O or encoding failure left the file inconsistent; later calls repeat it.
    private var failure: ParquetError?

    /// Creates (or truncates) the file at `path` and writes the leading magic; or, given
    /// `handle`, writes into that open, empty file (`path` then only names it in errors and is
    /// removed should the writer be dropped unfinished).
    ///
    /// - Parameters:
    ///   - columns: a flat schema; names non-empty and unique, `dictionary` only on `.string`
    ///     columns, decimals with 1 <= precision <= 18 and 0 <= scale <= precision.
    ///   - rowGroupRows: rows per row group (the default, 128 Ki rows, keeps memory bounded
    ///     while giving readers large, well-compressed chunks).
    ///   - rowGroupBytes: buffered bytes of values at which a row group is written before it
    ///     has `rowGroupRows` rows, to bound the writer's memory when rows are long (default:
    ///     no bound, row groups of exactly `rowGroupRows`).
    ///   - compressionLevel: the zstd level for every page.
    public convenience init(
        path: String, columns: [ParquetColumn], rowGroupRows: Int = 131_072, rowGroupBytes: Int = .max,
        compressionLevel: Int32 = 3, handle: FileHandle? = nil
    ) throws(ParquetError) {
        try self.init(
            path: path, columns: columns, rowGroupRows: rowGroupRows, compressionLevel: compressionLevel,
            pageSizeTarget: 1 << 20, maximumDictionaryEntries: 65_536, maximumDictionaryBytes: 1 << 20,
            rowGroupBytes: rowGroupBytes, handle: handle
        )
    }

    /// The full initializer; the tests shrink the page and dictionary limits to exercise
    /// page splitting and the PLAIN fallback with small data.
    init(
        path: String, columns: [ParquetColumn], rowGroupRows: Int, compressionLevel: Int32,
        pageSizeTarget: Int, maximumDictionaryEntries: Int, maximumDictionaryBytes: Int, rowGroupBytes: Int = .max,
        handle: FileHandle? = nil
    ) throws(ParquetError) {
        self.path = path
        self.columns = columns
        self.rowGroupRows = rowGroupRows
        self.rowGroupBytes = max(1, rowGroupBytes)
        decimalLimits = try ParquetFileWriter.validate(columns: columns, rowGroupRows: rowGroupRows, path: path)
        types = columns.map(\.type)
        optionals = columns.map(\.optional)
        encoder = ColumnChunkEncoder(
            compressor: try ZstdCompressor(level: compressionLevel, path: path),
            pageSizeTarget: pageSizeTarget,
            maximumDictionaryEntries: maximumDictionaryEntries,
            maximumDictionaryBytes: maximumDictionaryBytes
        )
        buffers = columns.map { ColumnBuffer(column: $0) }

        let url = URL(fileURLWithPath: path)
        do {
            if let handle {
                self.handle = handle
            } else {
                try Data().write(to: url)
                self.handle = try FileHandle(forWritingTo: url)
            }
        } catch {
            throw ParquetError(
                path: path,
                message: "cannot create the file (\(ParquetFileWriter.describe(error))); check that the directory exists and is writable"
            )
        }
        try write(ParquetFormat.magic)
    }

    deinit {
        if !closed {
            try? handle?.close()
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Appends one row: one entry per column, in column order, `nil` for NULL.
    ///
    /// A row that does not fit the schema (wrong length, NULL in a REQUIRED column, a value
    /// of another type, a decimal beyond its precision) is rejected as a whole and the writer
    /// stays usable. Every `rowGroupRows` rows a row group is encoded and written.
    public func append(_ row: [ParquetValue?]) throws(ParquetError) {
        try checkWritable()
        guard row.count == columns.count else {
            throw ParquetError(
                path: path,
                message: "a row has \(row.count) values but the schema has \(columns.count) columns; pass one value (or nil) per column, in column order"
            )
        }
        for index in row.indices {
            try check(row[index], column: index)
        }
        // One access to `buffers` for the row, not one (and its exclusivity check) per cell.
        let bufferedBytes = buffers.withUnsafeMutableBufferPointer { buffers in
            var bytes = 0
            for index in row.indices {
                buffers[index].append(row[index])
                bytes += buffers[index].byteCount
            }
            return bytes
        }
        bufferedRows += 1
        if bufferedRows >= rowGroupRows || bufferedBytes >= rowGroupBytes {
            try flushRowGroup()
        }
    }

    /// Writes the last row group and the footer, and closes the file. With no rows at all
    /// the file is still valid Parquet: the schema and zero row groups.
    public func close() throws(ParquetError) {
        try checkWritable()
        try flushRowGroup()
        var tail = FooterEncoder.fileMetaData(columns: columns, rowGroups: rowGroups)
        PlainEncoder.appendUInt32(UInt32(tail.count), to: &tail)
        tail.append(contentsOf: ParquetFormat.magic)
        try write(tail)
        do {
            // Not forced to disk here: the caller publishes the file and forces it once
            // (xiezuo's staging forces every staged file before the switch).
            try handle?.close()
        } catch {
            let failed = ParquetError(path: path, message: "closing the file failed (\(ParquetFileWriter.describe(error)))")
            failure = failed
            throw failed
        }
        handle = nil
        closed = true
    }

    // MARK: Private

    private func checkWritable() throws(ParquetError) {
        if closed {
            throw ParquetError(path: path, message: "the writer is already closed; create a new ParquetFileWriter to write again")
        }
        if let failure {
            throw ParquetError(path: path, column: failure.column, message: "an earlier error left the file incomplete: \(failure.message)")
        }
    }

    private func check(_ value: ParquetValue?, column index: Int) throws(ParquetError) {
        guard let value else {
            if optionals[index] { return }
            throw ParquetError(
                path: path, column: columns[index].name,
                message: "NULL in a REQUIRED column; supply a value or declare the column optional"
            )
        }
        switch (types[index], value) {
        case (.string, .string(let text)):
            if text.utf8.count > Int(Int32.max) {
                throw ParquetError(path: path, column: columns[index].name, message: "a string of \(text.utf8.count) bytes exceeds Parquet's 2 GiB value limit")
            }
        case (.int32, .int32), (.int64, .int64), (.date, .date):
            return
        case (.decimal(let precision, let scale), .decimal(let unscaled)):
            if unscaled.magnitude >= decimalLimits[index] {
                throw ParquetError(
                    path: path, column: columns[index].name,
                    message: "unscaled value \(unscaled) has more than \(precision) digits and does not fit DECIMAL(\(precision), \(scale)); widen the precision (at most 18) or check the scale"
                )
            }
        default:
            throw ParquetError(
                path: path, column: columns[index].name,
                message: "expected a \(ParquetFileWriter.describe(types[index])) value, got \(ParquetFileWriter.describe(value)); convert it before appending"
            )
        }
    }

    /// Encodes and writes the buffered rows as one row group, column by column, so only one
    /// encoded column chunk exists in memory at a time besides the buffered values.
    private func flushRowGroup() throws(ParquetError) {
        guard bufferedRows > 0 else { return }
        let rowGroupOffset = fileOffset
        var chunks: [EncodedColumnChunk] = []
        chunks.reserveCapacity(buffers.count)
        for index in buffers.indices {
            chunkBytes.removeAll(keepingCapacity: true)
            let chunk: EncodedColumnChunk
            do {
                chunk = try encoder.encode(buffers[index], at: fileOffset, into: &chunkBytes)
            } catch {
                failure = error
                throw error
            }
            try write(chunkBytes)
            chunks.append(chunk)
            buffers[index].removeAll()
        }
        rowGroups.append(RowGroupSummary(columns: chunks, rowCount: Int64(bufferedRows), fileOffset: rowGroupOffset, ordinal: rowGroups.count))
        bufferedRows = 0
        encoder.compressor.release()
    }

    private func write(_ bytes: [UInt8]) throws(ParquetError) {
        do {
            try handle?.write(contentsOf: bytes)
        } catch {
            let failed = ParquetError(path: path, message: "writing failed (\(ParquetFileWriter.describe(error))); check free disk space")
            failure = failed
            throw failed
        }
        fileOffset += Int64(bytes.count)
    }

    /// Checks the schema once, up front, and returns each column's decimal limit
    /// (10^precision; 0 for other types).
    private static func validate(columns: [ParquetColumn], rowGroupRows: Int, path: String) throws(ParquetError) -> [UInt64] {
        guard !columns.isEmpty else {
            throw ParquetError(path: path, message: "the schema has no columns; a Parquet file needs at least one")
        }
        guard rowGroupRows >= 1 && rowGroupRows <= Int(Int32.max) else {
            throw ParquetError(path: path, message: "rowGroupRows \(rowGroupRows) is outside 1...\(Int32.max); the default is 131072")
        }
        var seen: Set<String> = []
        var limits: [UInt64] = []
        for column in columns {
            guard !column.name.isEmpty else {
                throw ParquetError(path: path, message: "a column has an empty name; every column needs a name")
            }
            guard seen.insert(column.name).inserted else {
                throw ParquetError(path: path, column: column.name, message: "the column name appears twice; names must be unique")
            }
            if column.dictionary, column.type != .string {
                throw ParquetError(path: path, column: column.name, message: "dictionary encoding is only supported for .string columns; set dictionary: false")
            }
            guard case .decimal(let precision, let scale) = column.type else {
                limits.append(0)
                continue
            }
            guard (1...18).contains(precision), (0...precision).contains(scale) else {
                throw ParquetError(
                    path: path, column: column.name,
                    message: "DECIMAL(\(precision), \(scale)) is not supported: an INT64 decimal needs 1 <= precision <= 18 and 0 <= scale <= precision"
                )
            }
            var limit: UInt64 = 1
            for _ in 0..<precision { limit *= 10 }
            limits.append(limit)
        }
        return limits
    }

    private static func describe(_ type: ParquetType) -> String {
        switch type {
        case .string: return ".string"
        case .int32: return ".int32"
        case .int64: return ".int64"
        case .date: return ".date"
        case .decimal(let precision, let scale): return ".decimal(precision: \(precision), scale: \(scale))"
        }
    }

    private static func describe(_ value: ParquetValue) -> String {
        switch value {
        case .string: return ".string"
        case .int32: return ".int32"
        case .int64: return ".int64"
        case .date: return ".date"
        case .decimal: return ".decimal"
        }
    }

    private static func describe(_ error: any Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError {
            return "\(error.localizedDescription): \(underlying.localizedDescription)"
        }
        return error.localizedDescription
    }
}
