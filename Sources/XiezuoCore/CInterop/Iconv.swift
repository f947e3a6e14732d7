#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The only door to iconv: decodes one legacy encoding (GB18030, Big5, UTF-16) to Unicode
/// scalars. A final class owns the `iconv_t` and closes it in `deinit`; every return code is
/// checked. An instance keeps conversion state and a scratch buffer, so it is not `Sendable`:
/// create one per decoding, on the thread that uses it (opening a converter is cheap once
/// glibc has loaded its gconv module).
///
/// iconv converts to UTF-32LE, one 32-bit unit per scalar, so no second decoding pass is
/// needed and the output size is known: at most one scalar per input byte, except for the
/// few Big5-HKSCS codes that stand for two scalars, which `E2BIG` handles.
final class Iconv {
    /// The iconv name of the source encoding (`GB18030`, `BIG5`, `UTF-16LE`).
    let encoding: String
    private let handle: iconv_t
    /// Output of `iconv`, reused between calls and doubled on `E2BIG`.
    private var buffer: UnsafeMutableRawPointer
    private var bufferBytes: Int

    /// Opens a converter from `encoding` to Unicode scalars; fails when glibc has no such
    /// converter.
    init(decodingFrom encoding: String) throws(IconvError) {
        self.encoding = encoding
        errno = 0
        let opened = iconv_open("UTF-32LE", encoding)
        guard let opened, opened != iconv_t(bitPattern: -1) else {
            throw IconvError(function: "iconv_open", encoding: encoding, code: errno)
        }
        handle = opened
        bufferBytes = 64 * 1024
        buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferBytes, alignment: 4)
    }

    deinit {
        iconv_close(handle)
        buffer.deallocate()
    }

    /// Converts `bytes[start...]`, appending the scalars to `scalars`, up to the end of the
    /// input or the first sequence that is not a character of the encoding. The converter
    /// starts from its initial state on every call, so a caller can skip a bad byte and call
    /// again from the next one.
    func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into scalars: inout [Unicode.Scalar]
    ) throws(IconvError) -> IconvStop {
        try reset()
        guard start < bytes.count, let base = bytes.baseAddress else { return .end }
        // iconv takes `char **` but never writes through the input pointer.
        var input: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base + start)
            .assumingMemoryBound(to: CChar.self)
        var inputLeft = bytes.count - start
        while true {
            var output: UnsafeMutablePointer<CChar>? = buffer.assumingMemoryBound(to: CChar.self)
            var outputLeft = bufferBytes
            errno = 0
            let result = iconv(handle, &input, &inputLeft, &output, &outputLeft)
            let code = errno
            append(bufferBytes - outputLeft, to: &scalars)
            let offset = bytes.count - inputLeft
            if result != -1 {
                try flush(into: &scalars)
                return .end
            }
            switch code {
            case E2BIG:
                // The output so far is in `scalars`; a bigger buffer means fewer rounds.
                grow()
            case EILSEQ:
                try flush(into: &scalars)
                return .invalid(at: offset)
            case EINVAL:
                try flush(into: &scalars)
                return .truncated(at: offset)
            default:
                throw IconvError(function: "iconv", encoding: encoding, code: code)
            }
        }
    }

    /// Returns the converter to its initial shift state (`iconv(cd, NULL, NULL, NULL, NULL)`).
    private func reset() throws(IconvError) {
        errno = 0
        if iconv(handle, nil, nil, nil, nil) == -1 {
            throw IconvError(function: "iconv", encoding: encoding, code: errno)
        }
    }

    /// Writes out what a stateful converter still holds (Big5-HKSCS keeps one character back
    /// to see whether a combining mark follows) and returns it to its initial state.
    private func flush(into scalars: inout [Unicode.Scalar]) throws(IconvError) {
        while true {
            var output: UnsafeMutablePointer<CChar>? = buffer.assumingMemoryBound(to: CChar.self)
            var outputLeft = bufferBytes
            errno = 0
            let result = iconv(handle, nil, nil, &output, &outputLeft)
            let code = errno
            append(bufferBytes - outputLeft, to: &scalars)
            if result != -1 { return }
            guard code == E2BIG else { throw IconvError(function: "iconv", encoding: encoding, code: code) }
            grow()
        }
    }

    private func grow() {
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: bufferBytes * 2, alignment: 4)
        buffer.deallocate()
        buffer = bigger
        bufferBytes *= 2
    }

    /// Moves `byteCount` bytes of UTF-32LE output into `scalars`. iconv only writes scalar
    /// values, but a value that is not one becomes U+FFFD rather than trapping. (No
    /// `reserveCapacity` here: called once per invalid sequence, an exact reservation would
    /// copy the array every time; the caller reserves once for the whole input.)
    private func append(_ byteCount: Int, to scalars: inout [Unicode.Scalar]) {
        let units = byteCount / 4
        guard units > 0 else { return }
        let words = buffer.assumingMemoryBound(to: UInt32.self)
        for index in 0..<units {
            scalars.append(Unicode.Scalar(UInt32(littleEndian: words[index])) ?? "\u{FFFD}")
        }
    }
}
