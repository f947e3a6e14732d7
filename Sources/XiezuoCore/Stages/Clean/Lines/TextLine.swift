/// One non-blank line of a source after normalisation.
struct TextLine: Sendable, Equatable {
    /// Normalised scalars: half-width ASCII, single spaces, no leading or trailing space.
    var scalars: [Unicode.Scalar]
    /// Run of consecutive non-blank lines this line belongs to. Layout lives in blank lines:
    /// a caption and its continuation share a block, a headline stands alone in its own.
    var block: Int
    /// The 0-based source lines it came from (see `LineNormalizer.lines`); nil when unknown.
    var origin: ClosedRange<Int>? = nil
    /// Direction controls dropped from this line (`LineNormalizer.isDirectionControl`).
    var droppedControls = 0

    /// Non-space scalars: the unit of `removedChars`, so that whitespace changes never count.
    var weight: Int { TextShape.weight(scalars) }
    /// What the line weighed in the source: its weight and the direction controls dropped
    /// from it, which `removedChars` counts as removed.
    var sourceWeight: Int { weight + droppedControls }
}
