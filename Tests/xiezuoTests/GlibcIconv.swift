#if canImport(Glibc)
import Glibc
#endif

/// UTF-8 to a legacy encoding through the C library's iconv, for writing test inputs
/// (Foundation on Linux cannot encode GB18030).
enum GlibcIconv {
    static func convert(_ utf8: [UInt8], to encoding: String) -> [UInt8]? {
        let converter = iconv_open(encoding, "UTF-8")
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = utf8.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: utf8.count * 2 + 16)
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress
                var outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        return written.map { Array(output.prefix($0)).map { UInt8(bitPattern: $0) } }
    }
}
