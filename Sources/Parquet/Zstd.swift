import CZstd

/// The only door to libzstd: every C call of the Parquet module is in this file.
///
/// Pages are compressed with ZSTD (CompressionCodec.ZSTD = 6; parquet-format Compression.md:
/// "a single ZSTD frame", as produced by `ZSTD_compress*`). One compression context is reused
/// for all pages of a row group, which spares libzstd's per-call allocation, and released
/// between row groups (`release()`): a run keeps seven files open, and a context for 1 MiB
/// pages is about 1 MiB that an idle writer need not hold. The output for given input and level
/// is deterministic either way.
final class ZstdCompressor {
    /// The file being written, for error messages.
    let path: String
    let level: Int32
    /// Made on the first page after `init` or `release()`.
    private var context: OpaquePointer?

    /// The levels libzstd accepts (negative levels are its "fast" modes).
    static var supportedLevels: ClosedRange<Int32> {
        ZSTD_minCLevel()...ZSTD_maxCLevel()
    }

    init(level: Int32, path: String) throws(ParquetError) {
        guard ZstdCompressor.supportedLevels.contains(level) else {
            throw ParquetError(
                path: path,
                message: "zstd compression level \(level) is outside \(ZstdCompressor.supportedLevels); use 3 (the default) unless you have measured otherwise"
            )
        }
        self.path = path
        self.level = level
        context = try Self.makeContext(path: path)
    }

    deinit {
        release()
    }

    /// Frees the context until the next page needs one.
    func release() {
        if let context { ZSTD_freeCCtx(context) }
        context = nil
    }

    private static func makeContext(path: String) throws(ParquetError) -> OpaquePointer {
        guard let context = ZSTD_createCCtx() else {
            throw ParquetError(path: path, message: "libzstd could not create a compression context (out of memory)")
        }
        return context
    }

    /// One zstd frame holding `input`.
    func compress(_ input: [UInt8], column: String) throws(ParquetError) -> [UInt8] {
        let context: OpaquePointer
        if let existing = self.context {
            context = existing
        } else {
            context = try Self.makeContext(path: path)
            self.context = context
        }
        let bound = ZSTD_compressBound(input.count)
        var failure: String?
        let output = input.withUnsafeBytes { source in
            [UInt8](unsafeUninitializedCapacity: bound) { destination, initialized in
                let written = ZSTD_compressCCtx(
                    context, destination.baseAddress, destination.count,
                    source.baseAddress, source.count, level
                )
                if ZSTD_isError(written) != 0 {
                    failure = String(cString: ZSTD_getErrorName(written))
                    initialized = 0
                } else {
                    initialized = written
                }
            }
        }
        if let failure {
            throw ParquetError(path: path, column: column, message: "zstd compression failed: \(failure)")
        }
        return output
    }

    /// Decompresses one frame whose decompressed size is known to be `size`; `nil` if the
    /// frame is corrupt or of another size. Used by the tests to look inside pages.
    static func decompress(_ input: [UInt8], size: Int) -> [UInt8]? {
        var ok = false
        let output = input.withUnsafeBytes { source in
            [UInt8](unsafeUninitializedCapacity: size) { destination, initialized in
                let written = ZSTD_decompress(destination.baseAddress, destination.count, source.baseAddress, source.count)
                ok = ZSTD_isError(written) == 0 && written == size
                initialized = ok ? written : 0
            }
        }
        return ok ? output : nil
    }
}
