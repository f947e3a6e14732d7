/// Step 5 of clean: re-joins paragraphs that a page layout broke across columns or pages
/// ("将广州博" + "览会打造成为…", "广州市黄埔区充分利用协作资金" + "“活水”，推动…").
///
/// A paragraph that does not end in sentence-final punctuation continues in the next one,
/// unless it is a subhead. A subhead is heading-shaped (short, no full stop) and stands between
/// finished paragraphs; a heading-shaped line right after a subhead, or before a dropped
/// caption or tag, is the first half of a broken sentence instead. A heading-shaped next
/// paragraph is a subhead, never a continuation. Titles and decks never reach the joiner.
struct ParagraphJoiner: Sendable {
    var maxHeadingChars: Int

    /// Writes `paragraphs` to `text`, each joined to the one before when it continues it.
    /// The joined paragraphs are read back from `text`, as written.
    func join(_ paragraphs: [Paragraph], into text: inout ArticleTextWriter) {
        let first = text.paragraphs.count
        for paragraph in paragraphs {
            let written = text.paragraphs.count - first
            guard written > 0 else {
                text.append(paragraph.scalars, origin: paragraph.origin)
                continue
            }
            let last = text.paragraph(text.paragraphs.count - 1)
            let previous = written >= 2 ? text.paragraph(text.paragraphs.count - 2) : nil
            guard continues(last, into: paragraph, after: previous) else {
                text.append(paragraph.scalars, origin: paragraph.origin)
                continue
            }
            let spaced =
                if let tail = last.last, let head = paragraph.scalars.first {
                    isLatin(tail) && isLatin(head)
                } else {
                    false
                }
            let origin = Self.union(text.paragraphs[text.paragraphs.count - 1].origin, paragraph.origin)
            text.extendLast(with: paragraph.scalars, spaced: spaced, origin: origin)
        }
    }

    private func continues(
        _ text: UnsafeBufferPointer<Unicode.Scalar>, into next: Paragraph,
        after previous: UnsafeBufferPointer<Unicode.Scalar>?
    ) -> Bool {
        if TextShape.isTerminated(text) { return false }
        if TextShape.endsWithContinuation(text) || TextShape.startsWithNonStarter(next.scalars) { return true }
        if isOpenHeading(next.scalars) { return false }
        guard isHeading(text) else { return true }
        if TextShape.startsWithEnumerator(text) { return false }
        if next.furnitureBefore { return true }
        if let previous, isOpenHeading(previous) { return true }
        return false
    }

    private func isHeading(_ text: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        TextShape.isHeadingShaped(text, maxChars: maxHeadingChars)
    }

    private func isOpenHeading(_ text: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        isHeading(text) && !TextShape.isTerminated(text)
    }

    /// The lines of a joined paragraph: from the first line of either part to the last; unknown
    /// when either part's lines are unknown.
    private static func union(_ first: ClosedRange<Int>?, _ second: ClosedRange<Int>?) -> ClosedRange<Int>? {
        guard let first, let second else { return nil }
        return min(first.lowerBound, second.lowerBound)...max(first.upperBound, second.upperBound)
    }

    private func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        ScalarText.isASCIILetter(scalar) || ScalarText.isASCIIDigit(scalar)
    }
}
