/// Step 7 of clean, on each article once its text is built: Traditional → Simplified (OpenCC,
/// only for articles `ScriptDetector` found Traditional), spam removal (`SpamKeywordFilter`,
/// `OffTopicFilter`), then de-spinning (`Despinner`). The title goes through the same steps
/// with the article's decisions, so it stays equal to the text's first paragraph.
///
/// Spam is removed *before* de-spinning, although de-spinning does not depend on it, because
/// the farm inserts its keywords and sentences into the middle of spun words (居平易汽车机油芯近,
/// 推动平易地面上的…近生改良): only once they are gone is 平易近 whole again for the table.
///
/// What the steps remove or shorten counts in `removedChars` as the difference in non-space
/// scalars, so an article's kept and removed characters still add up to its source's. The
/// script stays the original one (`Article.script` reports what the page was written in).
struct ArticleRepair: Sendable {
    private let converter: TraditionalConverter
    private let keywords: SpamKeywordFilter
    private let offTopic: OffTopicFilter
    private let despinner: Despinner

    /// `table` is the de-spinning table (`Resources/despin.csv`); `singlePass`, the path of
    /// `Resources/opencc/t2s-single-pass.json` (see `TraditionalConverter.singlePass`).
    init(config: CleanConfig, table: DespinTable, singlePass: String?) {
        func compile(_ patterns: [String]) -> [[Unicode.Scalar]] {
            patterns.map { LineNormalizer.normalize(ScalarText.scalars($0)) }.filter { !$0.isEmpty }
        }
        converter = TraditionalConverter(configuration: config.openCCConfig, singlePass: singlePass)
        keywords = SpamKeywordFilter(
            heads: compile(config.spamKeywordHeads), items: compile(config.spamKeywordItems),
            solos: compile(config.spamKeywordSolo), tails: compile(config.spamKeywordTails),
            minDistinct: config.spamKeywordMinDistinct
        )
        offTopic = OffTopicFilter(
            strong: compile(config.offTopicWords), weak: compile(config.offTopicWeakWords),
            names: compile(config.offTopicNames), onTopic: compile(config.onTopicWords),
            minScore: config.offTopicMinScore, spliceWords: table.trie
        )
        despinner = Despinner(table: table, markers: compile(config.despinMarkers), minMarkers: config.despinMinMarkers)
    }

    /// Opens a first OpenCC handle now, so that a configuration that cannot be loaded stops the
    /// run at its start rather than rejecting every Traditional source.
    func prepare() throws(CleanSetupError) {
        do {
            try converter.prepare()
        } catch {
            throw CleanSetupError.openCC(error)
        }
    }

    /// The drafts with their texts and titles repaired; fails the source when OpenCC fails.
    func repaired(_ drafts: [ArticleDraft]) throws(UnusableText) -> [ArticleDraft] {
        var result = drafts
        for index in result.indices { try repair(&result[index]) }
        return result
    }

    private func repair(_ draft: inout ArticleDraft) throws(UnusableText) {
        let traditional = draft.script == .hant
        let original = draft.scalars
        var text = original
        var changed = false
        if traditional {
            text = try converted(original)
            changed = true
        }
        let found = keywords.keywords(in: text)
        let spamPage = !found.isEmpty && keywords.isSpamPage(found, in: text)
        if spamPage {
            text = SpamKeywordFilter.removing(found, from: text)
            changed = true
        }
        let quoted = text
        if let filtered = offTopic.filtered(text, quotesFrom: quoted, keepingEmptyParagraphs: true) {
            text = filtered
            changed = true
        }
        let spun = despinner.isSpun(text)
        if spun, let despun = despinner.despun(text) {
            text = despun
            changed = true
        }
        guard changed else { return }

        if let title = draft.title {
            var line = traditional ? try converted(title) : title
            if spamPage { line = SpamKeywordFilter.removing(keywords.keywords(in: line), from: line) }
            if let filtered = offTopic.filtered(line, quotesFrom: quoted) { line = filtered }
            if spun, let despun = despinner.despun(line) { line = despun }
            draft.title = line.isEmpty ? nil : line
        }
        (text, draft.lineOrigins) = Self.withoutEmptyParagraphs(text, origins: draft.lineOrigins)
        draft.removedChars += TextShape.weight(original) - TextShape.weight(text)
        draft.scalars = text
    }

    /// Drops the paragraphs that spam removal emptied, with their source lines. The steps
    /// change text within paragraphs and never join two, so the paragraphs still pair up
    /// with the draft's lines one for one; should that ever fail, the lines are given up
    /// (unknown) rather than paired wrongly.
    private static func withoutEmptyParagraphs(
        _ text: [Unicode.Scalar], origins: [ClosedRange<Int>?]
    ) -> ([Unicode.Scalar], [ClosedRange<Int>?]) {
        let result = EmptyParagraphs.removed(from: text)
        let paired = result.paragraphs == origins.count
        return (result.text, result.kept.map { paired ? origins[$0] : nil })
    }

    /// `scalars` in Simplified characters: OpenCC reads and writes UTF-8 strings.
    private func converted(_ scalars: [Unicode.Scalar]) throws(UnusableText) -> [Unicode.Scalar] {
        do {
            return ScalarDecoding.scalars(of: try converter.convert(ScalarText.string(scalars)))
        } catch {
            throw UnusableText(reason: "the text is Traditional Chinese and OpenCC could not convert it: \(error)")
        }
    }
}
