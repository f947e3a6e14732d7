/// The lines of one source as the steps after normalisation see them: each a `TextLine`
/// whose scalars are a view of the source's one buffer (`NormalizedText.withLines`). Valid
/// only inside that call; nothing made from it that outlives the call may keep a view.
struct SourceLines: RandomAccessCollection {
    private let buffer: UnsafeBufferPointer<Unicode.Scalar>
    private let lines: [NormalizedText.Line]

    init(buffer: UnsafeBufferPointer<Unicode.Scalar>, lines: [NormalizedText.Line]) {
        self.buffer = buffer
        self.lines = lines
    }

    var startIndex: Int { 0 }
    var endIndex: Int { lines.count }

    subscript(index: Int) -> TextLine {
        let line = lines[index]
        return TextLine(
            scalars: UnsafeBufferPointer(rebasing: buffer[line.range]), weight: line.weight, block: line.block,
            origin: line.origin, droppedControls: line.droppedControls)
    }
}
