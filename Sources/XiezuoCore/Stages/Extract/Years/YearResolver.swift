/// The year a figure refers to, read from the article's time frame (docs/years.md). For each
/// figure, the first of these that says anything decides:
/// 1. its clause, before the figure: a year (2024年新增…), 今年/去年, or a span (近两年来);
/// 2. the clause that opens its sentence, after any date-only or attribution clause (2月4日，
///    记者了解到：2023年，…), when it is a time phrase of its own or states a figure itself
///    (上海市2018年无偿援建项目34个，援助资金4862万元); an event in the opening clause (去年…印发
///    《方案》，…8对) dates only that event;
/// 3. the other clauses before it: a span (开展协作以来，…) gives no year; a period year
///    (2023年度援疆项目实施计划) or 今年 gives its year; any other year dates its own clause
///    only and keeps the frames below away;
/// 4. the frame of its paragraph: the time phrase that opens an earlier sentence (2024年，… /
///    今年是… / 6月23日，…), until another replaces it; not for a sentence that opens with a
///    place, which starts a new topic;
/// 5. a "now" word of its sentence (截至目前, 目前, 5月25日, 近日): the publication year;
/// 6. the article's frame: a year of the lead's opening time phrase or of the headline
///    (2023年，苏陕协作持续深化…), a month and day that dates the lead's event (the publication
///    year), or a span the lead opens with (自2021年6月…以来), which leaves every figure not dated
///    otherwise without a year.
/// A year with 以来/起 is a span unless it is the publication year, or 全年 follows (2025年以来，…
/// 全年累计…: 2025); 截至2025年底 dates a stock, but not the 累计 totals of its sentence; a 累计
/// figure takes only a year that frames it (stated, or a paragraph's year or 今年), never "now"
/// or the article's frame. 今年, 目前 and a month-day need the publication date: without one
/// they give no year.
///
/// Every lookup is bounded by the figure's sentence (markers found by binary search, frames
/// from tables built once per article), so an article with thousands of years and figures costs
/// time in proportion to its length, not to their product.
struct YearResolver: Sendable {
    private let markers: [TimeMarker]
    private let markerStarts: [Int]
    private let published: CivilDate?
    private let sentences: [SentenceFrame]
    private let article: Frame

    /// What a frame gives the figures it covers.
    enum Frame: Sendable, Equatable {
        case none
        case year(DatedYear)
        /// "Now": the publication year, for figures that are not running totals.
        case current
        /// A span with no single year: figures under it get none, unless 全年 takes the year it
        /// starts with.
        case span(since: Int?)

        var isSpan: Bool {
            if case .span = self { return true }
            return false
        }
    }

    /// What one sentence contributes: where its opening clause is, the frame it sets for the
    /// sentences after it, and the frame of its paragraph before it.
    private struct SentenceFrame: Sendable {
        var opening: Range<Int>
        /// Whether the opening clause dates the later clauses of its sentence (step 2).
        var openingCarries: Bool
        var sets: Frame
        /// A date-only clause skipped before the opening clause (2月4日，…).
        var datedBeforeOpening: Bool
        var paragraphFrame: Frame
        var opensWithPlace: Bool
        /// The sentence continues the one before it (that one ended with ；), or breaks down its
        /// figures (其中：…).
        var continues: Bool
        var isBreakdown: Bool
    }

    /// What a look-up found.
    private enum Reading {
        case year(DatedYear)
        case unknown
        case silent
    }

    /// `placeStarts` and `figureStarts` are where the place mentions and the figures start, in
    /// ascending order (each is walked once alongside the sentences). `paragraphs` are the text's
    /// lines, and `framedParagraphs` tells, per paragraph, whether a figure of it will be asked
    /// about: a frame reaches no further than its paragraph, so the other paragraphs' sentences
    /// are not worked out and their time words not looked for (but those of the lead and the
    /// lines before it, which frame the article).
    init(
        text: [Unicode.Scalar], sentences: [Sentence], paragraphs: [Range<Int>], published: CivilDate?, title: String?,
        placeStarts: [Int], figureStarts: [Int], framedParagraphs: [Bool]
    ) {
        let lead = Self.lead(of: sentences, in: text)
        let leadParagraph = lead.map { sentences[$0].paragraph }
        let read = paragraphs.indices.filter { framedParagraphs[$0] || $0 <= leadParagraph ?? -1 }.map { paragraphs[$0] }
        // Every year is read (how one is used depends on the years around it, across lines too).
        let years = YearMention.all(in: text)
        let markers = TimeMarker.all(in: text, years: years, within: read)
        let starts = markers.map(\.range.lowerBound)
        self.markers = markers
        markerStarts = starts
        self.published = published
        var frames: [SentenceFrame] = []
        frames.reserveCapacity(sentences.count)
        var paragraphFrame = Frame.none
        var nextFigure = 0
        var nextPlace = 0
        for (index, sentence) in sentences.enumerated() {
            guard framedParagraphs[sentence.paragraph] || sentence.paragraph == leadParagraph else {
                frames.append(Self.unread(sentence))
                continue
            }
            if index == 0 || sentences[index - 1].paragraph != sentence.paragraph { paragraphFrame = .none }
            let (opening, dated) = Self.openingClause(of: sentence.range, in: text)
            let openingMarkers = Self.markers(in: opening, markers, starts: starts)
            var sets = Frame.none
            let isTimePhrase = Self.isTimePhrase(opening, markers: openingMarkers, in: text)
            let own = Self.frame(of: openingMarkers, published: published)
            switch own {
            case .span: sets = own
            case .year where isTimePhrase: sets = own
            case .current where isTimePhrase: sets = own
            default: break
            }
            if sets == .none, dated { sets = .current }
            while nextFigure < figureStarts.count, figureStarts[nextFigure] < opening.lowerBound { nextFigure += 1 }
            let statesFigure = nextFigure < figureStarts.count && figureStarts[nextFigure] < opening.upperBound
            var opensAt = sentence.range.lowerBound
            while opensAt < sentence.range.upperBound, ClauseBounds.isDelimiter(text[opensAt]) { opensAt += 1 }
            while nextPlace < placeStarts.count, placeStarts[nextPlace] < opensAt { nextPlace += 1 }
            let opensAtPlace = nextPlace < placeStarts.count && placeStarts[nextPlace] == opensAt
            let samePargraph = index > 0 && sentences[index - 1].paragraph == sentence.paragraph
            let continues = samePargraph && Self.endsWithSemicolon(sentences[index - 1].range, in: text)
            let opensBreakdown = TimeWords.breakdown.match(text, at: opensAt) > 0
            let isBreakdown = opensBreakdown || (continues && frames.last?.isBreakdown == true)
            frames.append(
                SentenceFrame(
                    opening: opening, openingCarries: isTimePhrase || statesFigure || own.isSpan, sets: sets, datedBeforeOpening: dated,
                    paragraphFrame: paragraphFrame, opensWithPlace: opensAtPlace && !continues,
                    continues: continues, isBreakdown: isBreakdown))
            if sets != .none { paragraphFrame = sets }
        }
        self.sentences = frames
        article = Self.articleFrame(
            text: text, sentences: sentences, lead: lead, frames: frames, markers: markers, published: published, title: title)
    }

    /// The frame of a sentence no figure's year reads: it is never looked at.
    private static func unread(_ sentence: Sentence) -> SentenceFrame {
        SentenceFrame(
            opening: sentence.range.lowerBound..<sentence.range.lowerBound, openingCarries: false, sets: .none,
            datedBeforeOpening: false, paragraphFrame: .none, opensWithPlace: false, continues: false, isBreakdown: false)
    }

    /// The lead: the first full sentence.
    private static func lead(of sentences: [Sentence], in text: [Unicode.Scalar]) -> Int? {
        sentences.indices.first { index in
            let range = sentences[index].range
            return range.count >= leadLength && SentenceSplitter.isTerminator(text[range.upperBound - 1])
        }
    }

    /// The year of `figure`, in sentence `sentenceIndex` (which holds it). `previous` is the year
    /// of the fact written before it, which a breakdown (其中：…) takes.
    func year(
        for figure: Figure, in text: [Unicode.Scalar], sentence: Sentence, sentenceIndex: Int, previous: DatedYear?
    ) -> DatedYear? {
        let own = ownYear(for: figure, in: text, sentence: sentence, sentenceIndex: sentenceIndex)
        if own == nil, sentences[sentenceIndex].isBreakdown, let previous {
            return DatedYear(year: previous.year, basis: .context)
        }
        return own
    }

    private func ownYear(for figure: Figure, in text: [Unicode.Scalar], sentence: Sentence, sentenceIndex: Int) -> DatedYear? {
        let start = figure.range.lowerBound
        let clauseStart = ClauseBounds.start(before: start, in: text, floor: sentence.range.lowerBound)
        let frame = sentences[sentenceIndex]
        let before = markers(in: sentence.range.lowerBound..<start)
        // 累计 marks the running total of its own clause (…累计签约项目372个，入驻企业125家).
        let tallyStart = Self.commaClauseStart(before: start, in: text, floor: sentence.range.lowerBound)
        let tally = before.contains { $0.kind == .tally && $0.range.lowerBound >= tallyStart }
        let wholeYear = before.contains { $0.kind == .wholeYear }
        // 1. The figure's own clause.
        switch reading(of: before.filter { $0.range.lowerBound >= clauseStart }, tally: tally, wholeYear: wholeYear) {
        case .year(let year): return year
        case .unknown: return nil
        case .silent: break
        }
        // A year after the figure in its clause: 总投资127亿元的13个…项目纳入2023年省级重点项目.
        let clauseEnd = ClauseBounds.end(after: figure.range.upperBound, in: text, ceiling: sentence.range.upperBound)
        for marker in markers(in: figure.range.upperBound..<clauseEnd) {
            guard case .year(let year) = marker.kind, year.use == .plain || year.use == .titled, !year.isEventDate else { continue }
            return DatedYear(year: year.year, basis: .stated)
        }
        // 2. The clause that opens the sentence.
        if frame.openingCarries, frame.opening.upperBound <= clauseStart, frame.opening.lowerBound < start {
            let opening = before.filter { frame.opening.contains($0.range.lowerBound) }
            switch reading(of: opening, tally: tally, wholeYear: wholeYear) {
            case .year(let year): return year
            case .unknown: return nil
            case .silent: break
            }
        }
        // 3. The clauses in between.
        var otherYear = false
        var current = frame.datedBeforeOpening || before.contains { $0.kind == .current }
        for marker in before.reversed() where marker.range.lowerBound < clauseStart && !frame.opening.contains(marker.range.lowerBound) {
            switch marker.kind {
            case .span:
                return nil
            case .year(let year):
                switch year.use {
                case .since where published?.year != year.year && !wholeYear, .listed: return nil
                case .dateline: continue
                case .asOf where tally: return nil
                default: break
                }
                if year.use == .titled || !year.isEventDate && isPeriod(year, in: text, sentence: sentence.range) {
                    return DatedYear(year: year.year, basis: .stated)
                }
                otherYear = true
            case .relative(let offset):
                guard let published else { return nil }
                return DatedYear(year: published.year + offset, basis: .published)
            case .current:
                current = true
            case .tally, .wholeYear:
                continue
            }
        }
        if otherYear { return nil }
        // 4. The paragraph's frame.
        if !frame.opensWithPlace {
            switch frame.paragraphFrame {
            case .year(let year): return year
            case .span(let since):
                return wholeYear ? since.map { DatedYear(year: $0, basis: .context) } : nil
            case .current where !tally: return published.map { DatedYear(year: $0.year, basis: .published) }
            case .current, .none: break
            }
        }
        if tally && !wholeYear { return nil }
        // A plan or estimate (预计实现年产值5亿元) is not dated by "now" or the article's frame.
        if TimeWords.plan.occurs(in: text, clauseStart..<start) { return nil }
        // 5. "Now" in the sentence.
        if current {
            if case .span = article { return nil }
            return published.map { DatedYear(year: $0.year, basis: .published) }
        }
        // 6. The article's frame. Its year reaches only a figure of the whole year (陕西省全年使用…),
        // since the headline's or lead's year may be the year of one event among undated stock
        // figures (园区引育企业30余家).
        switch article {
        case .year(let year): return wholeYear ? year : nil
        case .current: return published.map { DatedYear(year: $0.year, basis: .published) }
        case .span(let since): return wholeYear ? since.map { DatedYear(year: $0, basis: .context) } : nil
        case .none: return nil
        }
    }

    /// What the markers of one clause say, the nearest to the figure deciding.
    private func reading(of markers: [TimeMarker], tally: Bool, wholeYear: Bool) -> Reading {
        for marker in markers.reversed() {
            switch marker.kind {
            case .year(let year):
                switch year.use {
                case .plain, .titled: return .year(DatedYear(year: year.year, basis: .stated))
                case .asOf: return tally ? .unknown : .year(DatedYear(year: year.year, basis: .stated))
                case .since:
                    let single = published?.year == year.year || wholeYear
                    return single ? .year(DatedYear(year: year.year, basis: .stated)) : .unknown
                case .listed: return .unknown
                case .dateline: continue
                }
            case .relative(let offset):
                guard let published else { return .unknown }
                return .year(DatedYear(year: published.year + offset, basis: .published))
            case .span:
                return .unknown
            case .current, .tally, .wholeYear:
                continue
            }
        }
        return .silent
    }

    /// What an opening clause says about time.
    private static func frame(of markers: ArraySlice<TimeMarker>, published: CivilDate?) -> Frame {
        var sawCurrent = false
        for marker in markers.reversed() {
            switch marker.kind {
            case .year(let year):
                switch year.use {
                case .plain, .asOf, .titled: return .year(DatedYear(year: year.year, basis: .context))
                case .since:
                    return published?.year == year.year ? .year(DatedYear(year: year.year, basis: .context)) : .span(since: year.year)
                case .listed: return .span(since: nil)
                case .dateline: continue
                }
            case .relative(let offset):
                guard let published else { return .span(since: nil) }
                return .year(DatedYear(year: published.year + offset, basis: .published))
            case .span:
                return .span(since: nil)
            case .current:
                sawCurrent = sawCurrent || !marker.isVague
            case .tally, .wholeYear:
                continue
            }
        }
        return sawCurrent ? .current : .none
    }

    /// Whether an opening clause is a time phrase that frames what follows: short (2024年，/
    /// 今年以来，/ 截至2025年底，), a period (2023年度…), or 今年是….
    private static func isTimePhrase(_ clause: Range<Int>, markers: ArraySlice<TimeMarker>, in text: [Unicode.Scalar]) -> Bool {
        guard let first = markers.first(where: { marker in
            switch marker.kind {
            case .year, .relative, .current: return true
            default: return false
            }
        }) else { return false }
        if phraseLength(clause, in: text) <= timePhraseLength { return true }
        if case .year(let year) = first.kind,
            year.use == .titled || TimeWords.periodWords.match(text, at: year.range.upperBound) > 0
        {
            return true
        }
        if case .relative = first.kind, first.range.upperBound < text.count, text[first.range.upperBound] == "是" { return true }
        return false
    }

    /// The article's frame, from its lead (the first full sentence) and its headline (the title
    /// and the lines before the lead).
    private static func articleFrame(
        text: [Unicode.Scalar], sentences: [Sentence], lead: Int?, frames: [SentenceFrame], markers: [TimeMarker],
        published: CivilDate?, title: String?
    ) -> Frame {
        let starts = markers.map(\.range.lowerBound)
        guard let lead else { return .none }
        func valid(_ frame: Frame) -> Frame {
            if case .year(let year) = frame, let published, year.year > published.year { return .none }
            return frame
        }
        let sets = frames[lead].sets
        switch sets {
        case .year, .span: return valid(sets)
        case .current, .none: break
        }
        let leadMarkers = Self.markers(in: sentences[lead].range, markers, starts: starts)
        for marker in leadMarkers {
            guard case .year(let year) = marker.kind, year.use == .plain, !year.isEventDate else { continue }
            if TimeWords.periodWords.match(text, at: year.range.upperBound) > 0 {
                return valid(.year(DatedYear(year: year.year, basis: .context)))
            }
        }
        // The headline: the title, and the lines before the lead.
        var headlineYears = Set<Int>()
        if let title {
            let scalars = Array(title.unicodeScalars)
            for year in YearMention.all(in: scalars) where year.use == .plain && !year.isEventDate {
                headlineYears.insert(year.year)
            }
        }
        for marker in Self.markers(in: 0..<sentences[lead].range.lowerBound, markers, starts: starts) {
            guard case .year(let year) = marker.kind, year.use == .plain, !year.isEventDate else { continue }
            headlineYears.insert(year.year)
        }
        if headlineYears.count == 1, let year = headlineYears.first {
            return valid(.year(DatedYear(year: year, basis: .context)))
        }
        let datesEvent = leadMarkers.contains { $0.kind == .current && !$0.isVague }
        return sets == .current || datesEvent ? .current : .none
    }

    /// The start of the clause holding `position`, at a comma, colon or full stop only (brackets
    /// and quotes do not end it: 累计投（试）产项目246个).
    private static func commaClauseStart(before position: Int, in text: [Unicode.Scalar], floor: Int) -> Int {
        var index = position
        while index > floor {
            switch text[index - 1] {
            case "，", ",", "：", ":", "；", ";", "。": return index
            default: index -= 1
            }
        }
        return index
    }

    private static func endsWithSemicolon(_ sentence: Range<Int>, in text: [Unicode.Scalar]) -> Bool {
        guard let last = sentence.last else { return false }
        return text[last] == "；" || text[last] == ";"
    }

    /// A lead sentence is at least this long.
    private static let leadLength = 20

    /// The clause that opens the statement of a sentence: the first, after date-only clauses
    /// (2月4日) and clauses that only say who reports (…介绍 / 记者了解到), and whether a date-only
    /// clause was skipped.
    private static func openingClause(of sentence: Range<Int>, in text: [Unicode.Scalar]) -> (Range<Int>, Bool) {
        var start = sentence.lowerBound
        var dated = false
        for _ in 0..<4 {
            while start < sentence.upperBound, ClauseBounds.isDelimiter(text[start]) { start += 1 }
            let end = ClauseBounds.end(after: start, in: text, ceiling: sentence.upperBound)
            guard end < sentence.upperBound else { return (start..<end, dated) }
            let clause = start..<end
            if isDateOnly(clause, in: text) {
                dated = true
            } else if TimeWords.attribution.matchEnding(text, before: end) == 0 {
                return (clause, dated)
            }
            start = end + 1
        }
        return (start..<min(sentence.upperBound, ClauseBounds.end(after: start, in: text, ceiling: sentence.upperBound)), dated)
    }

    /// 2月4日 / 6月23日 / 3月30日上午: a clause that only dates the sentence.
    private static func isDateOnly(_ clause: Range<Int>, in text: [Unicode.Scalar]) -> Bool {
        guard clause.count <= 10, clause.count > 0, TimeWords.isDateDigit(text[clause.lowerBound]) else { return false }
        let end = TimeWords.dateEnd(after: clause.lowerBound, in: text)
        return end > clause.lowerBound && end + 3 >= clause.upperBound
    }

    private func isPeriod(_ year: YearMention, in text: [Unicode.Scalar], sentence: Range<Int>) -> Bool {
        if TimeWords.periodWords.match(text, at: year.range.upperBound) > 0 { return true }
        let start = ClauseBounds.start(before: year.range.lowerBound, in: text, floor: sentence.lowerBound)
        let end = ClauseBounds.end(after: year.range.upperBound, in: text, ceiling: sentence.upperBound)
        return Self.phraseLength(start..<end, in: text) <= Self.timePhraseLength
    }

    /// A clause's length as a time phrase: the month and day after a year (2025年1—11月) and a
    /// list's bullet do not count.
    private static func phraseLength(_ clause: Range<Int>, in text: [Unicode.Scalar]) -> Int {
        var length = 0
        var position = clause.lowerBound
        while position < clause.upperBound, !ScalarWords.isIdeograph(text[position]), !TimeWords.isDateDigit(text[position]) {
            position += 1
        }
        while position < clause.upperBound {
            if text[position] == "年" {
                let end = TimeWords.dateEnd(after: position + 1, in: text)
                length += 1
                position = max(end, position + 1)
                continue
            }
            length += 1
            position += 1
        }
        return length
    }

    /// A clause this short that holds a year is a time phrase (截至2024年底, 2025年以来).
    static let timePhraseLength = 8

    private func markers(in range: Range<Int>) -> ArraySlice<TimeMarker> {
        Self.markers(in: range, markers, starts: markerStarts)
    }

    /// The markers starting inside `range`, found by binary search.
    private static func markers(in range: Range<Int>, _ markers: [TimeMarker], starts: [Int]) -> ArraySlice<TimeMarker> {
        func firstIndex(startingAtOrAfter offset: Int) -> Int {
            var low = 0
            var high = starts.count
            while low < high {
                let middle = (low + high) / 2
                if starts[middle] < offset { low = middle + 1 } else { high = middle }
            }
            return low
        }
        return markers[firstIndex(startingAtOrAfter: range.lowerBound)..<firstIndex(startingAtOrAfter: range.upperBound)]
    }
}
