/// Where a paragraph of a cleaned article stands in its source file: the lines its text came
/// from and their bytes, so that a fact (whose `offset` is in the cleaned text) can be traced
/// back to the bytes as they were read or downloaded.
public struct SourceSpan: Sendable, Equatable {
    /// First and last line, 1-based, as an editor numbers them; for an HTML page, lines of the
    /// markup.
    public var lines: ClosedRange<Int>
    /// Byte offsets in the source file: from the start of the first line to the end of the
    /// last, its line terminator excluded.
    public var bytes: Range<Int>

    public init(lines: ClosedRange<Int>, bytes: Range<Int>) {
        self.lines = lines
        self.bytes = bytes
    }
}
