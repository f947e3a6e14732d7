/// Step 6 of clean: turns one segment into an article's draft — strips datelines, repairs
/// column order, re-joins broken paragraphs, and reads the article's own metadata. The text is
/// written once, into the array extract will read (`ArticleTextWriter`).
///
/// The headline is the first paragraph of the text (then the decks), so that figures in a
/// headline (托起三都就业“大民生”, 8对革命老区) have offsets like any other; `title` repeats it.
/// A page marker that multi-page articles append to their headline (`( 二 )`, `(2)`) and the
/// site name of a copied page title (`标题--手机某某网`) are not part of it and are dropped from
/// both.
///
/// The outlet is, in this order: the 本文转自 line's, the 来源 line's, the one named beside the
/// date under the headline, the dateline's (新快报讯), a byline's (南方日报记者).
struct ArticleBuilder: Sendable {
    var rules: CleanRules

    func draft(
        _ segment: ArticleSegment, lines: SourceLines, kinds: [LineKind], metadata: ArticleMetadata,
        published: CivilDate?
    ) -> ArticleDraft {
        let title = segment.title.map { Self.withoutSiteName(Self.withoutPageMarker(strippedMarks(lines[$0].scalars))) }
        var head: [Paragraph] = []
        if let index = segment.title, let title { head.append(Paragraph(scalars: title, origin: lines[index].origin)) }
        head += segment.decks.map { Paragraph(scalars: strippedMarks(lines[$0].scalars), origin: lines[$0].origin) }

        var body: [Paragraph] = []
        var furniture = false
        var datelineOutlet: String?
        var hasDatelineOutlet = false
        for index in segment.bodyStart..<segment.lines.upperBound {
            guard kinds[index] == .text else {
                furniture = furniture || kinds[index].isLayoutFurniture
                continue
            }
            var paragraph = Paragraph(
                scalars: strippedMarks(lines[index].scalars), furnitureBefore: furniture, origin: lines[index].origin)
            furniture = false
            if !rules.isHeading(paragraph.scalars), let dateline = DatelineReader.read(paragraph.scalars) {
                paragraph.scalars = UnsafeBufferPointer(rebasing: paragraph.scalars[dateline.length...])
                paragraph.isDateline = true
                if !hasDatelineOutlet {
                    datelineOutlet = dateline.outlet
                    hasDatelineOutlet = true
                }
            }
            if !paragraph.scalars.isEmpty { body.append(paragraph) }
        }
        body = ColumnOrderRepair.repair(body, isHeading: rules.isHeading)

        // Each paragraph adds at most one scalar to its own: a `\n` before it, or a join's space.
        let capacity = [head, body].joined().reduce(0) { $0 + $1.scalars.count + 1 }
        var origins: [ClosedRange<Int>?] = []
        let text = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { buffer, count in
            var writer = ArticleTextWriter(buffer: buffer)
            for paragraph in head { writer.append(paragraph.scalars, origin: paragraph.origin) }
            ParagraphJoiner(maxHeadingChars: rules.maxHeadingChars).join(body, into: &writer)
            count = writer.count
            origins = writer.paragraphs.map(\.origin)
        }
        let segmentWeight = segment.lines.reduce(0) { $0 + lines[$1].sourceWeight }
        return ArticleDraft(
            scalars: text, title: title.map(Array.init), published: published,
            outlet: metadata.originalOutlet ?? metadata.sourceOutlet ?? metadata.dateLineOutlet ?? datelineOutlet
                ?? bylineOutlet(segment, lines: lines, kinds: kinds),
            script: ScriptDetector.script(of: text), removedChars: segmentWeight - TextShape.weight(text),
            segmentWeight: segmentWeight, lineOrigins: origins)
    }

    private func bylineOutlet(_ segment: ArticleSegment, lines: SourceLines, kinds: [LineKind]) -> String? {
        for index in segment.lines where kinds[index] == .byline {
            if let outlet = rules.byline.outlet(of: lines[index].scalars) { return outlet }
        }
        return nil
    }

    /// The headline without a trailing page marker: `( 二 )`, `(2)`, `（3/4）`.
    static func withoutPageMarker(_ title: UnsafeBufferPointer<Unicode.Scalar>) -> UnsafeBufferPointer<Unicode.Scalar> {
        guard let last = title.last, last == ")" || last == "）",
            let open = title.lastIndex(where: { $0 == "(" || $0 == "（" }), open > 0
        else { return title }
        let inside = title[(open + 1)..<(title.count - 1)].filter { $0 != " " }
        let numerals = "0123456789〇一二三四五六七八九十/".unicodeScalars
        guard !inside.isEmpty, inside.allSatisfy({ numerals.contains($0) }) else { return title }
        var end = open
        while end > 0, title[end - 1] == " " { end -= 1 }
        return end > 0 ? UnsafeBufferPointer(rebasing: title[..<end]) : title
    }

    /// The headline without the site name a copied page title carries (`标题--手机某某网`,
    /// `标题_要闻_某某资讯网`, `标题 - 某某网`): a last part that reads as an outlet's name, and
    /// the short column names before it behind the same separator, when a headline of at least
    /// six scalars is left.
    static func withoutSiteName(_ title: UnsafeBufferPointer<Unicode.Scalar>) -> UnsafeBufferPointer<Unicode.Scalar> {
        let separators: [[Unicode.Scalar]] = [
            ["-", "-"], ["_"], [" ", "-", " "], [" ", "|", " "], ["｜"], [" ", "—", " "],
        ]
        for separator in separators {
            var end = title.count
            var strippedSite = false
            while let cut = lastIndex(of: separator, in: title[..<end]) {
                let part = title[(cut + separator.count)..<end]
                let isSite = !strippedSite && part.count <= 12 && OutletName.isOutletLike(part)
                let isColumn = strippedSite && (1...6).contains(part.count) && part.allSatisfy(ScalarText.isWordScalar)
                guard isSite || isColumn, cut >= 6 else { break }
                strippedSite = true
                end = cut
            }
            if strippedSite { return UnsafeBufferPointer(rebasing: title[..<end]) }
        }
        return title
    }

    private static func lastIndex(
        of pattern: [Unicode.Scalar], in text: Slice<UnsafeBufferPointer<Unicode.Scalar>>
    ) -> Int? {
        guard text.count >= pattern.count else { return nil }
        var index = text.endIndex - pattern.count
        while index >= text.startIndex {
            if ScalarText.hasPrefix(text[index...], pattern) { return index }
            index -= 1
        }
        return nil
    }

    /// A long line that starts with a caption or menu mark is prose in a list; the mark goes.
    private func strippedMarks(_ line: UnsafeBufferPointer<Unicode.Scalar>) -> UnsafeBufferPointer<Unicode.Scalar> {
        var start = 0
        while start < line.count,
            line[start] == " " || rules.captionMarks.contains(line[start])
                || rules.navigationMarks.contains(line[start])
        {
            start += 1
        }
        return start == 0 ? line : UnsafeBufferPointer(rebasing: line[start...])
    }
}
