/// Step 2's output: the normalised scalars of a source's non-blank lines, held once and back
/// to back, and where each line lies in them. The later steps read the lines as views of this
/// one buffer (`withLines`) instead of an array per line.
struct NormalizedText: Sendable, Equatable {
    /// Every line's scalars in order, with nothing between two lines.
    var scalars: [Unicode.Scalar]
    var lines: [Line]

    /// Where one line lies in `scalars`, and what `TextLine` says about it.
    struct Line: Sendable, Equatable {
        var range: Range<Int>
        /// Its scalars other than spaces (`TextShape.weight`), counted as the line was written.
        var weight: Int
        var block: Int
        var origin: ClosedRange<Int>?
        var droppedControls: Int
    }

    /// Runs `body` on the lines as views of `scalars`; the views live only as long as the call.
    func withLines<Result, Failure: Error>(
        _ body: (SourceLines) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try scalars.withUnsafeBufferPointer { buffer throws(Failure) in
            try body(SourceLines(buffer: buffer, lines: lines))
        }
    }
}
