/// Clean: turns the bytes of one source into its articles. A pure function of the source
/// and the configuration, so it can run on any worker (or any Spark executor).
///
/// The steps, each its own type so that later ones (iconv, libxml2, OpenCC, spam removal) slot
/// in between: `TextDecoding` → `HTMLText` → `LineNormalizer` → `NoiseLineFilter` →
/// `ArticleSplitter` (`HeadlineChooser`) → `ArticleMetadataReader` → `ArticleBuilder`
/// (`DatelineReader`, `ColumnOrderRepair`, `ParagraphJoiner`, `ScriptDetector`) →
/// `ArticleRepair` → fragments dropped. How titles, dates and outlets are chosen:
/// docs/page-facts.md.
///
/// `removedChars` counts the non-whitespace Unicode scalars of the decoded source that are not
/// in the article text: dropped lines (captions, bylines, navigation, boilerplate, metadata,
/// related lists, page labels, repeated headlines), stripped datelines and bullet marks, and
/// the fragments dropped for `min_article_chars`. Whitespace, line breaks and invisible
/// characters (zero-width marks, a byte order mark) are not counted: removing them changes no
/// content. Each dropped line counts for the article whose lines surround it (lines above the
/// first headline for the first article, trailing lists for the last), so across a source
/// `sum(removedChars) + sum(non-space scalars of texts)` is the source's non-space scalars.
public struct CleanStage: Sendable {
    public let config: CleanConfig
    private let rules: CleanRules
    /// OpenCC conversion, spam removal and de-spinning of each built article (`ArticleRepair`).
    private let repair: ArticleRepair

    /// `despinTable` is `Resources/despin.csv`; `openCCSinglePass`, the path of
    /// `Resources/opencc/t2s-single-pass.json` (`TraditionalConverter`). OpenCC is opened when
    /// the first Traditional article needs it, or by `prepare()`.
    init(config: CleanConfig, despinTable: DespinTable, openCCSinglePass: String?) {
        self.config = config
        self.rules = CleanRules(config: config)
        self.repair = ArticleRepair(config: config, table: despinTable, singlePass: openCCSinglePass)
    }

    /// Opens OpenCC now: what setup calls once, so that a missing OpenCC configuration stops
    /// the run with one clear error instead of rejecting every Traditional source.
    public func prepare() throws(CleanSetupError) {
        try repair.prepare()
    }

    /// The articles of `source`, in order; throws a reject for input that is not usable text.
    public func articles(from source: SourceDocument) throws(Reject) -> [Article] {
        do {
            // A source named by its URL was downloaded from it; a file's path is the operator's, not the page's.
            let named = source.name.hasPrefix("http://") || source.name.hasPrefix("https://") ? source.name : nil
            return try articles(of: source.bytes, charset: source.charset, name: source.name, url: source.url ?? named)
        } catch {
            throw Reject(source: source.name, stage: .clean, reason: error.reason)
        }
    }

    private func articles(of bytes: [UInt8], charset: String?, name: String, url: String?) throws(UnusableText) -> [Article] {
        var decoded = try TextDecoding(maxControlShare: rules.maxControlShare).decode(bytes, transportCharset: charset)
        let page = try HTMLText.page(of: &decoded)
        try checkLineCount(page.scalars, bytes: bytes.count)
        let normalized = LineNormalizer.lines(of: page.scalars, origins: page.lineOrigins)
        try checkLineLengths(normalized.lines)
        let drafts = normalized.withLines { lines in self.drafts(of: lines, facts: page.facts, url: url) }
        let sourceLines = SourceLineIndex(
            bytes: bytes, encoding: decoded.encoding, loneCarriageReturnEndsLine: !decoded.isHTML)
        return try keptArticles(
            repair.repaired(drafts), name: name, lineCount: normalized.lines.count, sourceLines: sourceLines)
    }

    /// The articles of a source's lines, built but not yet repaired.
    private func drafts(of lines: SourceLines, facts: PageFacts, url: String?) -> [ArticleDraft] {
        var kinds = NoiseLineFilter(rules: rules).kinds(of: lines)
        let segments = ArticleSplitter(rules: rules).segments(of: lines, kinds: &kinds, declared: facts.titles)
        let metadata = segments.map { ArticleMetadataReader.read(lines: lines, kinds: kinds, segment: $0) }
        var facts = facts
        if facts.url == nil { facts.url = lines.lazy.compactMap { MetadataReader.namedAddress($0.scalars) }.first }
        let pageDate = Self.pageDate(facts, url: url)
        // A page that dates its articles one by one is a collection: an article it leaves undated
        // stays undated rather than taking the page's own date.
        let collection = segments.count > 1 && metadata.contains { $0.published != nil }
        let builder = ArticleBuilder(rules: rules)
        return zip(segments, metadata).map { segment, metadata in
            builder.draft(
                segment, lines: lines, kinds: kinds, metadata: metadata,
                published: metadata.published ?? (collection ? nil : pageDate))
        }
    }

    /// The date the page gives itself: its metadata's, else the one in its address (the
    /// address it names — a canonical link, `og:url`, a 原文链接 line — or the URL it was
    /// fetched from).
    private static func pageDate(_ facts: PageFacts, url: String?) -> CivilDate? {
        if let published = facts.published { return published }
        if let named = facts.url, let date = URLDateReader.date(in: named) { return date }
        return url.flatMap(URLDateReader.date(in:))
    }

    /// Rejects the source when one of its articles is longer than `max_article_chars`.
    private func checkArticleLengths(_ articles: [Article]) throws(UnusableText) -> [Article] {
        guard let long = articles.first(where: { $0.chars > rules.maxArticleChars }) else { return articles }
        throw UnusableText(
            reason: "not a news article: article \(long.part + 1) has \(long.chars) characters, more than "
                + "clean.max_article_chars (\(rules.maxArticleChars)); raise the limit to read it")
    }

    /// Lines, not bytes, are what clean's steps hold and work on (about 130 bytes each), so a
    /// source of many lines must also have bytes enough: one of more than `denseLines` lines
    /// that average fewer than `minBytesPerLine` bytes (a million one-character lines, a page
    /// of a million `<p>x</p>`) is not prose and is rejected before its lines are made. News
    /// text averages far more (a Chinese line of five characters is 16 bytes). This keeps the
    /// memory of a source's lines under about 8 bytes per byte of the source.
    static let denseLines = 10_000
    static let minBytesPerLine = 16

    private func checkLineCount(_ scalars: [Unicode.Scalar], bytes: Int) throws(UnusableText) {
        // A non-blank line takes a visible scalar and, but for the last, a line break: a source
        // of at most twice the limit's scalars cannot exceed it and is not counted, which spares
        // a news page (under 20,000 characters, the lowest limit's double) a pass over its text.
        let limit = max(Self.denseLines, bytes / Self.minBytesPerLine)
        guard (scalars.count + 1) / 2 > limit else { return }
        let count = LineNormalizer.nonBlankLineCount(of: scalars)
        guard count > Self.denseLines, count * Self.minBytesPerLine > bytes else { return }
        let average = Double(bytes) / Double(count)
        throw UnusableText(
            reason: "not prose: \(count) lines in \(bytes) bytes, \((average * 10).rounded() / 10) bytes a line; a source of more "
                + "than \(Self.denseLines) lines must average at least \(Self.minBytesPerLine) bytes a line")
    }

    /// A line longer than `max_article_chars` cannot fit in an article, so the source is
    /// rejected before the costlier steps see it (a 60 MB file that is one line, 1 MB of digits).
    private func checkLineLengths(_ lines: [NormalizedText.Line]) throws(UnusableText) {
        guard let index = lines.firstIndex(where: { $0.range.count > rules.maxArticleChars }) else { return }
        throw UnusableText(
            reason: "not a news article: line \(index + 1) has \(lines[index].range.count) characters, more than "
                + "clean.max_article_chars (\(rules.maxArticleChars)); raise the limit to read it")
    }

    /// Drops fragments shorter than `min_article_chars`; their scalars count as removed in the
    /// previous kept article (or the next, for a fragment at the start). Each kept article
    /// gets the source bytes of its paragraphs.
    private func keptArticles(
        _ drafts: [ArticleDraft], name: String, lineCount: Int, sourceLines: SourceLineIndex
    ) throws(UnusableText) -> [Article] {
        var kept: [Article] = []
        var carried = 0
        for draft in drafts {
            if draft.chars < rules.minArticleChars || draft.chars == 0 {
                if kept.isEmpty {
                    carried += draft.segmentWeight
                } else {
                    kept[kept.count - 1].removedChars += draft.segmentWeight
                }
                continue
            }
            var article = draft.article(source: name, part: kept.count)
            article.removedChars += carried
            article.paragraphSources = draft.lineOrigins.map { $0.flatMap(sourceLines.span(of:)) }
            carried = 0
            kept.append(article)
        }
        guard kept.isEmpty else { return try checkArticleLengths(kept) }
        let longest = drafts.map(\.chars).max() ?? 0
        if longest == 0 {
            let lines =
                lineCount == 1
                ? "the only non-blank line is noise (a caption, byline, menu or boilerplate)"
                : "all \(lineCount) non-blank lines are noise (captions, bylines, menus or boilerplate)"
            throw UnusableText(reason: "no article text left after cleaning: \(lines)")
        }
        throw UnusableText(
            reason: "no article text left after cleaning: the longest article has \(longest) characters, "
                + "fewer than clean.min_article_chars (\(rules.minArticleChars))"
        )
    }
}
