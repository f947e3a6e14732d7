/// A failure of iconv itself, not of the input: the C library cannot open a converter for an
/// encoding (glibc's gconv modules missing) or returned an error it documents no meaning for.
/// Bad input is never an `IconvError`; `Iconv.decode` reports it as a stop position instead.
struct IconvError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The C function that failed (`iconv_open`, `iconv`).
    var function: String
    /// The encoding being converted from.
    var encoding: String
    /// `errno` right after the call.
    var code: Int32

    var description: String {
        "\(function) failed for \(encoding) (errno \(code))"
    }
}
