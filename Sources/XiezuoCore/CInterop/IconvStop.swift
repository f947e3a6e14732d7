/// Where and why one `Iconv.decode` call stopped. Bad input is a stop, not an error: the
/// caller decides whether to replace the sequence and go on, or to give up.
enum IconvStop: Sendable, Equatable {
    /// Every byte was converted.
    case end
    /// The bytes at this offset (of the whole buffer) are not a character of the encoding
    /// (`EILSEQ`).
    case invalid(at: Int)
    /// The input ends inside a character that starts at this offset (`EINVAL`): a file cut
    /// short by a download or a copy.
    case truncated(at: Int)
}
