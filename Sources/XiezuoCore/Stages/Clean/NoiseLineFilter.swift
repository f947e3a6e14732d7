/// Step 3 of clean: tells every line's kind, so that captions, bylines, navigation,
/// boilerplate, metadata, tags and "related articles" lists can be dropped.
///
/// Most kinds are read from the line alone; four need the neighbours: a caption continues on
/// the next line of its block, a kicker is only a kicker above a headline, a section tag is
/// only a tag inside a broken sentence (see `confirmTags`), and a related list is a run of
/// short titles, "…snippet" lines and bare timestamps.
struct NoiseLineFilter: Sendable {
    var rules: CleanRules

    /// Menus are a word or two; longer bulleted lines are prose lists.
    private static let maxNavigationChars = 20
    /// A kicker (广州市黄埔区:) names a place or a column, never a sentence.
    private static let maxKickerChars = 20
    private static let snippetPrefixes: [[Unicode.Scalar]] = [[".", ".", "."], ["…"]]

    func kinds(of lines: SourceLines) -> [LineKind] {
        var kinds = lines.map { kind(of: $0.scalars) }
        continueCaptions(lines, &kinds)
        confirmKickers(lines, &kinds)
        confirmTags(lines, &kinds)
        markRelatedLists(lines, &kinds)
        return kinds
    }

    /// The kind a line has on its own, the first matching rule winning.
    func kind(of line: UnsafeBufferPointer<Unicode.Scalar>) -> LineKind {
        if isTrackingToken(line) { return .boilerplate }
        if rules.noisePrefixes.matchesPrefix(of: line) || rules.noiseSubstrings.occurs(in: line) { return .boilerplate }
        guard let first = line.first else { return .boilerplate }
        if rules.navigationMarks.contains(first) {
            return TextShape.weight(of: line, atMost: Self.maxNavigationChars) ? .navigation : .text
        }
        if rules.captionMarks.contains(first) {
            if rules.byline.isByline(line) { return .byline }
            return TextShape.weight(of: line, atMost: rules.maxCaptionChars) ? .caption : .text
        }
        if rules.byline.isByline(line) { return .byline }
        if DateTextReader.isTimestampLine(line) { return .timestamp }
        if MetadataReader.isMetadataLine(line) { return .metadata }
        if let chrome = PageChrome.kind(of: line) { return chrome }
        if isAside(line) { return .aside }
        if isKickerShaped(line) { return .kicker }
        if TextShape.isTagShaped(line, maxChars: rules.maxTagChars) { return .tag }
        return .text
    }

    /// Machine tokens with no Chinese and no spaces: `requestId:6930…`, `TC:osder9follow7`, URLs.
    private func isTrackingToken(_ line: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        var hasLetter = false
        for scalar in line {
            if scalar == " " || ScalarText.isHan(scalar) { return false }
            if ScalarText.isASCIILetter(scalar) { hasLetter = true }
        }
        return hasLetter && line.count >= 2
    }

    /// （资料图片）, （下转第2版）, （某某电视台记者/张三 编辑/李四）: one pair of brackets
    /// around the whole line, with no sentence inside.
    private func isAside(_ line: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard let first = line.first, let last = line.last, first == "(" || first == "（", last == ")" || last == "）",
            TextShape.weight(of: line, atMost: rules.maxCaptionChars)
        else { return false }
        let inner = line.dropFirst().dropLast()
        return !inner.contains { ["(", "（", ")", "）", "。", "，", ",", "；", "！", "？"].contains($0) }
    }

    private func isKickerShaped(_ line: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard let last = line.last, last == ":" || last == "：", line.count >= 2,
            TextShape.weight(of: line, atMost: Self.maxKickerChars)
        else { return false }
        return line.dropLast().allSatisfy { $0 == " " || ScalarText.isWordScalar($0) }
    }

    /// "▲村民共富" + "振兴社商业综合服务中心项目效果图。": a caption that does not end a sentence goes
    /// on in the next line of the same block, if that line is caption-short.
    private func continueCaptions(_ lines: SourceLines, _ kinds: inout [LineKind]) {
        for index in lines.indices.dropFirst() where kinds[index] == .text && kinds[index - 1] == .caption {
            let previous = lines[index - 1]
            if previous.block == lines[index].block, !TextShape.isTerminated(previous.scalars),
                lines[index].weight <= rules.maxHeadingChars
            {
                kinds[index] = .caption
            }
        }
    }

    private func confirmKickers(_ lines: SourceLines, _ kinds: inout [LineKind]) {
        for index in lines.indices where kinds[index] == .kicker {
            let next = index + 1
            let headlineFollows = next < lines.count && kinds[next] == .text && rules.isHeading(lines[next].scalars)
            if !headlineFollows { kinds[index] = .text }
        }
    }

    /// A short unpunctuated line (区域协调) between the two halves of a sentence broken across
    /// columns (the line before stops mid-phrase, the line after is prose) is a section tag.
    /// Elsewhere it stays text: between finished paragraphs it is a short subhead (园区建设提速);
    /// in an article's head the splitter drops it (`ArticleSplitter`), since no deck is that short.
    private func confirmTags(_ lines: SourceLines, _ kinds: inout [LineKind]) {
        for index in lines.indices where kinds[index] == .tag {
            let breaksSentence =
                index > 0 && index + 1 < lines.count && kinds[index - 1] == .text && kinds[index + 1] == .text
                && !TextShape.isTerminated(lines[index - 1].scalars) && !rules.isHeading(lines[index + 1].scalars)
            if !breaksSentence { kinds[index] = .text }
        }
    }

    /// Drops runs of list entries holding at least two snippet or timestamp lines, and
    /// everything listed under a 相关阅读-style heading.
    private func markRelatedLists(_ lines: SourceLines, _ kinds: inout [LineKind]) {
        func isSnippet(_ index: Int) -> Bool {
            kinds[index] == .text && Self.snippetPrefixes.contains { ScalarText.hasPrefix(lines[index].scalars, $0) }
        }
        func isListEntry(_ index: Int) -> Bool {
            switch kinds[index] {
            case .timestamp, .tag, .related: return true
            case .text: return isSnippet(index) || rules.isHeading(lines[index].scalars)
            default: return false
            }
        }
        var index = 0
        while index < lines.count {
            if isRelatedHeading(lines[index].scalars) {
                kinds[index] = .related
                var next = index + 1
                while next < lines.count, isListEntry(next) {
                    kinds[next] = .related
                    next += 1
                }
                index = next
                continue
            }
            guard isListEntry(index) else {
                index += 1
                continue
            }
            var end = index
            var markers = 0
            while end < lines.count, isListEntry(end) {
                if kinds[end] == .timestamp || isSnippet(end) { markers += 1 }
                end += 1
            }
            if markers >= 2 {
                for entry in index..<end { kinds[entry] = .related }
            }
            index = end
        }
    }

    private func isRelatedHeading(_ line: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        var end = line.count
        while end > 0, line[end - 1] == ":" || line[end - 1] == "：" || line[end - 1] == " " { end -= 1 }
        return rules.relatedHeadings.contains(exactly: line[..<end])
    }
}
