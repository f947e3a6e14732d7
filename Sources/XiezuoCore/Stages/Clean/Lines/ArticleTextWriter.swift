/// Writes an article's text — its paragraphs separated by `\n` — straight into the one buffer
/// the article's scalars are made in: each paragraph is copied once from its line, and a
/// paragraph that goes on in the next (`ParagraphJoiner`) is extended where it stands.
struct ArticleTextWriter {
    private let buffer: UnsafeMutableBufferPointer<Unicode.Scalar>
    /// Scalars written so far.
    private(set) var count = 0
    /// Where each paragraph lies in the buffer, and the source lines it came from.
    private(set) var paragraphs: [(range: Range<Int>, origin: ClosedRange<Int>?)] = []

    /// `buffer` must hold every paragraph to be written and one scalar more per paragraph
    /// (its `\n`, or the space of a join).
    init(buffer: UnsafeMutableBufferPointer<Unicode.Scalar>) {
        self.buffer = buffer
    }

    /// The scalars of paragraph `index` as written so far.
    func paragraph(_ index: Int) -> UnsafeBufferPointer<Unicode.Scalar> {
        UnsafeBufferPointer(rebasing: buffer[paragraphs[index].range])
    }

    /// Starts a new paragraph; the `\n` goes before it once any text is written.
    mutating func append(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, origin: ClosedRange<Int>?) {
        if count > 0 { write("\n") }
        let start = count
        write(scalars)
        paragraphs.append((start..<count, origin))
    }

    /// Continues the last paragraph with `scalars`, after a space when `spaced`; `origin`
    /// replaces its source lines.
    mutating func extendLast(
        with scalars: UnsafeBufferPointer<Unicode.Scalar>, spaced: Bool, origin: ClosedRange<Int>?
    ) {
        if spaced { write(" ") }
        write(scalars)
        paragraphs[paragraphs.count - 1] = (paragraphs[paragraphs.count - 1].range.lowerBound..<count, origin)
    }

    private mutating func write(_ scalar: Unicode.Scalar) {
        buffer.initializeElement(at: count, to: scalar)
        count += 1
    }

    private mutating func write(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        guard let base = scalars.baseAddress else { return }
        (buffer.baseAddress! + count).initialize(from: base, count: scalars.count)
        count += scalars.count
    }
}
