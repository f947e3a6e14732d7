/// The year a figure refers to (EXTRACTION.md `year`), by the first rule that applies:
/// 1. a year in the same clause, before the figure (2025年全年在13个城市举办17场活动);
/// 2. a year earlier in the sentence that names a period: a time phrase of its own
///    (新快报记者了解到，2024年，粤桂协作共投入帮扶资金75万元) or a year with a period word
///    (2025年全年在13个城市举办…，吸引超450家企业). A year of another event in another clause
///    (…，2022年3月投入使用，吸纳140余名… / 2018年前往广州…，已累计销售…) dates that event only;
/// 3. 今年/去年/前年/明年 in the sentence, against the article's published date;
/// 4. a year that sets the scene for an earlier sentence of the same paragraph: a short
///    clause of its own (2025年以来，… / 在2022年，…) — unless the figure's sentence opens with
///    a place, which starts a new topic (在2022年，汕尾共引进…。深圳引导专家…4类…项目);
/// otherwise unknown.
///
/// Every lookup is bounded by the figure's sentence (years found by binary search, rule 4 from
/// a table built once per article), so an article with thousands of years and figures costs
/// time in proportion to its length, not to their product.
struct YearResolver: Sendable {
    /// In text order.
    let years: [YearMention]
    let published: CivilDate?
    /// Offsets where a place mention starts.
    let placeStarts: Set<Int>
    /// Rule 4 per sentence: the scene-setting year of the nearest earlier sentence of its paragraph.
    private var sceneBefore: [Int?] = []

    init(
        years: [YearMention], published: CivilDate?, placeStarts: Set<Int>, text: [Unicode.Scalar],
        sentences: [Sentence]
    ) {
        self.years = years
        self.published = published
        self.placeStarts = placeStarts
        var sceneBefore: [Int?] = []
        sceneBefore.reserveCapacity(sentences.count)
        var previousScene: Int?
        for (index, sentence) in sentences.enumerated() {
            let sameParagraph = index > 0 && sentences[index - 1].paragraph == sentence.paragraph
            sceneBefore.append(sameParagraph ? previousScene : nil)
            let own = self.years(in: sentence.range).last { isTimePhrase($0, in: text, sentence: sentence.range) }
            previousScene = own?.year ?? (sameParagraph ? previousScene : nil)
        }
        self.sceneBefore = sceneBefore
    }

    /// A clause this short that holds a year is a time phrase (截至2024年底, 2025年以来).
    static let timePhraseLength = 8
    static let relative: [(word: String, offset: Int)] = [("前年", -2), ("去年", -1), ("今年", 0), ("本年", 0), ("明年", 1)]

    func year(
        for figure: Figure, in text: [Unicode.Scalar], sentence: Sentence, sentenceIndex: Int
    ) -> Int? {
        let start = figure.range.lowerBound
        let clauseStart = ClauseBounds.start(before: start, in: text, floor: sentence.range.lowerBound)
        let before = years(in: sentence.range).filter { $0.range.upperBound <= start }
        if let inClause = before.last(where: { $0.range.lowerBound >= clauseStart }) { return inClause.year }
        if let period = before.last(where: { isPeriod($0, in: text, sentence: sentence.range) }) { return period.year }
        if let published, let offset = relativeOffset(in: sentence.range.lowerBound..<start, of: text) {
            return published.year + offset
        }
        var opening = sentence.range.lowerBound
        while opening < sentence.range.upperBound, ClauseBounds.isDelimiter(text[opening]) { opening += 1 }
        if placeStarts.contains(opening) { return nil }
        return sceneBefore.indices.contains(sentenceIndex) ? sceneBefore[sentenceIndex] : nil
    }

    /// The years starting inside `range`, found by binary search.
    private func years(in range: Range<Int>) -> ArraySlice<YearMention> {
        func firstIndex(startingAtOrAfter offset: Int) -> Int {
            var low = 0
            var high = years.count
            while low < high {
                let middle = (low + high) / 2
                if years[middle].range.lowerBound < offset { low = middle + 1 } else { high = middle }
            }
            return low
        }
        return years[firstIndex(startingAtOrAfter: range.lowerBound)..<firstIndex(startingAtOrAfter: range.upperBound)]
    }

    private func isPeriod(_ year: YearMention, in text: [Unicode.Scalar], sentence: Range<Int>) -> Bool {
        guard !year.isEventDate else { return false }
        if isTimePhrase(year, in: text, sentence: sentence) { return true }
        return Self.periodWords.contains { word in
            let end = year.range.upperBound + word.count
            return end <= sentence.upperBound && Array(text[year.range.upperBound..<end]) == word
        }
    }

    /// Words after 2025年 that make it the period a statement covers.
    private static let periodWords: [[Unicode.Scalar]] = ["全年", "以来", "底", "初", "末", "度", "上半年", "下半年", "前三季度", "期间", "内", "累计", "共"]
        .map { Array($0.unicodeScalars) }

    private func isTimePhrase(_ year: YearMention, in text: [Unicode.Scalar], sentence: Range<Int>) -> Bool {
        guard !year.isEventDate else { return false }
        let start = ClauseBounds.start(before: year.range.lowerBound, in: text, floor: sentence.lowerBound)
        let end = ClauseBounds.end(after: year.range.upperBound, in: text, ceiling: sentence.upperBound)
        return end - start <= Self.timePhraseLength
    }

    private func relativeOffset(in window: Range<Int>, of text: [Unicode.Scalar]) -> Int? {
        guard window.count >= 2 else { return nil }
        let words = Self.relativeScalars
        for start in window.lowerBound..<(window.upperBound - 1) {
            for (first, second, offset) in words where text[start] == first && text[start + 1] == second {
                return offset
            }
        }
        return nil
    }

    /// `relative` as scalar pairs, made once instead of at every position of every window.
    private static let relativeScalars: [(first: Unicode.Scalar, second: Unicode.Scalar, offset: Int)] =
        relative.map { word, offset in
            let scalars = Array(word.unicodeScalars)
            return (scalars[0], scalars[1], offset)
        }
}
