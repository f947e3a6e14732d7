/// Puts back in order an article whose layout was read column by column in the wrong order.
///
/// A dateline always opens an article. When body paragraphs come before it, and the article's
/// last paragraph breaks off mid-sentence, the paragraphs before the dateline are the
/// continuation that belongs after that last paragraph ("…此外，工作队…相关工作。项目" +
/// "实施过程中,工作队全程跟踪督办…"). Only then are they moved; a lead paragraph above a
/// dateline in an article that ends properly is left where it is.
enum ColumnOrderRepair {
    static func repair(_ body: [Paragraph], isHeading: (UnsafeBufferPointer<Unicode.Scalar>) -> Bool) -> [Paragraph] {
        guard let dateline = body.firstIndex(where: \.isDateline), dateline > 0, let last = body.last,
            !TextShape.isTerminated(last.scalars), !isHeading(last.scalars),
            TextShape.isTerminated(body[dateline - 1].scalars)
        else { return body }
        return Array(body[dateline...]) + Array(body[..<dateline])
    }
}
