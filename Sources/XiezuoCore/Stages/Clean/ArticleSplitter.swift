/// Step 4 of clean: finds where articles start in a source that may hold several (newspaper
/// pages carry three or four, topic pages two or more), and the head (headline and decks) of
/// each.
///
/// A heading-shaped line in the body of an article is a subhead unless the layout says a new
/// article starts there. The signals, all found in page layouts rather than in wording:
/// - a kicker line ending in a colon right above it (广州市黄埔区:);
/// - a photo caption or byline right below it (headlines sit on top of their picture);
/// - a dateline (新快报讯 …, 本报讯 …) as the first prose below it, after at most two decks;
/// - an opening byline (■采写:…) among the next three paragraphs, with prose after it;
/// - its own info line — a date or source line (2021-12-20 来源：…) — right below it, after at
///   most two decks, when the article above it has finished (its last line is not a sentence
///   broken off): the shape of every article on a topic page. A subhead has no date line.
///
/// Above the first prose paragraph of the source, the headline is chosen by `HeadlineChooser`
/// among the heading-shaped lines after the last kicker; without a kicker, a block of several
/// short lines stacked together above another heading is a page label (牢记殷殷嘱托 / 在推进…走在前列)
/// and is dropped first. In any head, a tag-short line (粤黔协作) beside a longer heading is a
/// section tag, not a deck; below the first headline, a heading line that shares no words with
/// the article is chrome, not a deck. Heading lines equal to the headline (pages that print it
/// twice) are dropped.
struct ArticleSplitter: Sendable {
    var rules: CleanRules

    /// How far below a headline its dateline or byline may appear, in lines.
    private static let lookahead = 8
    private static let maxDecks = 2
    private static let maxParagraphsBeforeByline = 3
    /// Shortest headline that its own info line makes an article's: shorter heading lines
    /// over a date (大事记) are a timeline's, not a topic page's.
    private static let minInfoHeadlineChars = 6

    /// `declared`: the titles the page declares (`PageFacts.titles`), which help choose the
    /// first headline.
    func segments(
        of lines: SourceLines, kinds: inout [LineKind], declared: [[Unicode.Scalar]] = []
    ) -> [ArticleSegment] {
        let count = lines.count
        func isHeading(_ index: Int) -> Bool { kinds[index] == .text && rules.isHeading(lines[index].scalars) }
        func isProse(_ index: Int) -> Bool { kinds[index] == .text && !rules.isHeading(lines[index].scalars) }

        let firstProse = (0..<count).first(where: isProse) ?? count
        var candidates = (0..<firstProse).filter(isHeading)
        if candidates.contains(where: { !isTag(lines[$0]) }) {
            for candidate in candidates where isTag(lines[candidate]) { kinds[candidate] = .tag }
            candidates.removeAll { kinds[$0] == .tag }
        }
        if let kicker = (0..<firstProse).last(where: { kinds[$0] == .kicker }) {
            for candidate in candidates where candidate < kicker { kinds[candidate] = .header }
            candidates.removeAll { $0 < kicker }
        } else {
            dropPageLabels(lines, &kinds, &candidates)
        }
        let chooser = HeadlineChooser(rules: rules)
        let firstHead = chooser.head(candidates: candidates, lines: lines, kinds: kinds, firstProse: firstProse)
        let provisional = chooser.choose(firstHead, lines: lines, declared: declared, severalArticles: false)
        var current = ArticleSegment(lines: 0..<count, title: provisional, decks: [], bodyStart: min(firstProse, count))
        var segments: [ArticleSegment] = []
        var index = firstProse + 1
        while index < count {
            guard isHeading(index) else {
                index += 1
                continue
            }
            if let title = current.title, lines[title].scalars.elementsEqual(lines[index].scalars) {
                kinds[index] = .duplicateTitle
                index += 1
                continue
            }
            guard startsArticle(index, lines: lines, kinds: kinds) else {
                index += 1
                continue
            }
            let start = index > 0 && kinds[index - 1] == .kicker ? index - 1 : index
            current.lines = current.lines.lowerBound..<start
            segments.append(current)
            var bodyStart = index + 1
            var decks: [Int] = []
            while bodyStart < count, !isProse(bodyStart) {
                if isHeading(bodyStart) {
                    if isTag(lines[bodyStart]) { kinds[bodyStart] = .tag } else { decks.append(bodyStart) }
                }
                bodyStart += 1
            }
            current = head(
                title: index, candidates: decks, start: start, bodyStart: bodyStart, end: count,
                lines: lines, kinds: &kinds)
            index = bodyStart + 1
        }
        segments.append(current)
        let title =
            segments.count > 1
            ? chooser.choose(firstHead, lines: lines, declared: declared, severalArticles: true) : provisional
        segments[0] = firstArticleHead(
            title: title, head: firstHead, chooser: chooser, bodyStart: firstProse, end: segments[0].lines.upperBound,
            lines: lines, kinds: &kinds)
        return segments
    }

    /// The first article's head: candidates above the headline are page chrome (`.header`);
    /// below it, those that share words with the article or its headline are decks.
    private func firstArticleHead(
        title: Int?, head: HeadlineChooser.Head, chooser: HeadlineChooser, bodyStart: Int, end: Int,
        lines: SourceLines, kinds: inout [LineKind]
    ) -> ArticleSegment {
        var decks: [Int] = []
        for candidate in head.candidates where candidate != title {
            guard let title, candidate > title else {
                kinds[candidate] = .header
                continue
            }
            if lines[title].scalars.elementsEqual(lines[candidate].scalars) {
                kinds[candidate] = .duplicateTitle
            } else if chooser.isDeck(lines[candidate].scalars, head: head, title: lines[title].scalars) {
                decks.append(candidate)
            } else {
                kinds[candidate] = .header
            }
        }
        return ArticleSegment(lines: 0..<end, title: title, decks: decks, bodyStart: min(bodyStart, end))
    }

    private func isTag(_ line: TextLine) -> Bool {
        TextShape.isTagShaped(line.scalars, maxChars: rules.maxTagChars)
    }

    /// Builds a segment's head: the decks, without repeats of the headline.
    private func head(
        title: Int?, candidates: [Int], start: Int, bodyStart: Int, end: Int, lines: SourceLines,
        kinds: inout [LineKind]
    ) -> ArticleSegment {
        var decks: [Int] = []
        for candidate in candidates {
            if let title, lines[title].scalars.elementsEqual(lines[candidate].scalars) {
                kinds[candidate] = .duplicateTitle
            } else {
                decks.append(candidate)
            }
        }
        return ArticleSegment(lines: start..<end, title: title, decks: decks, bodyStart: min(bodyStart, end))
    }

    /// Drops stacked page labels above the first headline (see the type's comment).
    private func dropPageLabels(_ lines: SourceLines, _ kinds: inout [LineKind], _ candidates: inout [Int]) {
        while let first = candidates.first {
            let block = lines[first].block
            let members = lines.indices.filter { lines[$0].block == block }
            let onlyLabels = members.allSatisfy { kinds[$0] == .text || kinds[$0] == .tag || kinds[$0] == .header }
            guard members.count >= 2, onlyLabels, candidates.contains(where: { lines[$0].block > block }) else {
                return
            }
            for member in members where kinds[member] == .text { kinds[member] = .header }
            candidates.removeAll { lines[$0].block == block }
        }
    }

    private func startsArticle(_ index: Int, lines: SourceLines, kinds: [LineKind]) -> Bool {
        if index > 0, kinds[index - 1] == .kicker { return true }
        let next = index + 1
        if next < lines.count, kinds[next] == .caption || kinds[next] == .byline { return true }
        return datelineFollows(index, lines: lines, kinds: kinds)
            || openingBylineFollows(index, lines: lines, kinds: kinds)
            || (lines[index].weight >= Self.minInfoHeadlineChars && ownInfoFollows(index, lines: lines, kinds: kinds)
                && previousArticleFinished(index, lines: lines, kinds: kinds))
    }

    /// A date or source line of its own right below the heading, after at most two decks
    /// right under it (dropped lines, such as a share bar or a caption, may stand before the
    /// info line, but not between a heading and its decks).
    private func ownInfoFollows(_ index: Int, lines: SourceLines, kinds: [LineKind]) -> Bool {
        var decks = 0
        var skipped = false
        for next in (index + 1)..<min(lines.count, index + 1 + Self.lookahead) {
            switch kinds[next] {
            case .text:
                guard rules.isHeading(lines[next].scalars), !skipped else { return false }
                decks += 1
                if decks > Self.maxDecks { return false }
            case .timestamp:
                return true
            case .metadata:
                guard let line = MetadataReader.parse(lines[next].scalars) else { return false }
                return !line.dates.isEmpty || line.sourceOutlet != nil || line.originalOutlet != nil
            default:
                skipped = true
            }
        }
        return false
    }

    /// The text above the heading ends a sentence or a heading: no paragraph is broken off there.
    private func previousArticleFinished(_ index: Int, lines: SourceLines, kinds: [LineKind]) -> Bool {
        guard let previous = (0..<index).last(where: { kinds[$0] == .text }) else { return true }
        let text = lines[previous].scalars
        return !TextShape.endsWithContinuation(text) && (TextShape.isTerminated(text) || rules.isHeading(text))
    }

    private func datelineFollows(_ index: Int, lines: SourceLines, kinds: [LineKind]) -> Bool {
        var decks = 0
        for next in (index + 1)..<min(lines.count, index + 1 + Self.lookahead) where kinds[next] == .text {
            if rules.isHeading(lines[next].scalars) {
                decks += 1
                if decks > Self.maxDecks { return false }
            } else {
                return DatelineReader.read(lines[next].scalars) != nil
            }
        }
        return false
    }

    /// An opening byline ("■采写:…") sits between paragraphs near the top of an article; a
    /// closing one ("(执笔 | …)", in brackets) ends the article and says nothing about starts.
    private func openingBylineFollows(_ index: Int, lines: SourceLines, kinds: [LineKind]) -> Bool {
        var paragraphs = 0
        var next = index + 1
        while next < lines.count, next <= index + Self.lookahead {
            switch kinds[next] {
            case .text:
                paragraphs += 1
                if paragraphs > Self.maxParagraphsBeforeByline { return false }
            case .byline:
                guard let first = lines[next].scalars.first, first != "(", first != "（" else { return false }
                let after = lines.indices[(next + 1)...].first { kinds[$0] == .text }
                return after.map { !rules.isHeading(lines[$0].scalars) } ?? false
            default:
                break
            }
            next += 1
        }
        return false
    }
}
