/// One non-blank line of a source after normalisation, as the steps after `LineNormalizer`
/// read it: a view into the source's buffer of lines, valid only while `SourceLines` is.
struct TextLine {
    /// Normalised scalars: half-width ASCII, single spaces, no leading or trailing space.
    var scalars: UnsafeBufferPointer<Unicode.Scalar>
    /// Non-space scalars: the unit of `removedChars`, so that whitespace changes never count.
    /// Counted by `LineNormalizer` as it wrote the line (`TextShape.weight(scalars)`).
    var weight: Int
    /// Run of consecutive non-blank lines this line belongs to. Layout lives in blank lines:
    /// a caption and its continuation share a block, a headline stands alone in its own.
    var block: Int
    /// The 0-based source lines it came from (see `LineNormalizer.lines`); nil when unknown.
    var origin: ClosedRange<Int>?
    /// Direction controls dropped from this line (`LineNormalizer.isDirectionControl`).
    var droppedControls: Int

    /// What the line weighed in the source: its weight and the direction controls dropped
    /// from it, which `removedChars` counts as removed.
    var sourceWeight: Int { weight + droppedControls }
}
