/// One thing an article says about time, at a place in its text: a year and how it is used,
/// a year counted from the publication date (今年), a span with no single year (近两年来),
/// "now" (目前, a month and day alone) or a running total (累计).
struct TimeMarker: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case year(YearMention)
        case relative(Int)
        case span
        case current
        case tally
        /// 全年: the whole of the year that frames it (2025年以来，… 全年累计…: 2025).
        case wholeYear
    }

    var range: Range<Int>
    var kind: Kind
    /// A "now" word too vague to set a frame for other sentences (近日, 目前): it dates its own
    /// sentence only.
    var isVague = false

    /// Every marker of `text` inside `ranges` (whole lines, in text order), in text order, in one
    /// pass over each. No marker holds a newline, so a line's markers are the same whether the
    /// text around it is scanned or not.
    static func all(in text: [Unicode.Scalar], years: [YearMention], within ranges: [Range<Int>]) -> [TimeMarker] {
        var markers: [TimeMarker] = []
        var nextYear = 0
        for range in ranges {
            while nextYear < years.count, years[nextYear].range.lowerBound < range.lowerBound { nextYear += 1 }
            scan(text, range, years: years, nextYear: &nextYear, into: &markers)
        }
        return markers
    }

    /// The markers of `text[range]`, where `years[nextYear...]` are the years from its start on.
    private static func scan(
        _ text: [Unicode.Scalar], _ range: Range<Int>, years: [YearMention], nextYear: inout Int, into markers: inout [TimeMarker]
    ) {
        let mayStart = markerFirsts
        let wordFirsts = markerWordFirsts
        var position = range.lowerBound
        let count = range.upperBound
        while position < count {
            // Before the next year, a position where no marker may start is passed over in a
            // tight loop (most of the text).
            let yearStart = min(count, nextYear < years.count ? years[nextYear].range.lowerBound : count)
            position = text.withUnsafeBufferPointer { buffer in
                var next = position
                while next < yearStart, buffer[next].value < 0x10000 {
                    if mayStart.contains(buffer[next].value) {
                        // A date digit right after a digit or 年 (a figure's or a date's later
                        // digits) starts nothing: only a month-day can start with a digit, and not there.
                        guard !wordFirsts.contains(buffer[next].value), next > 0,
                            TimeWords.isDateDigit(buffer[next - 1]) || buffer[next - 1] == "年"
                        else { break }
                    }
                    next += 1
                }
                return next
            }
            guard position < count else { break }
            if nextYear < years.count, years[nextYear].range.lowerBound == position {
                let year = years[nextYear]
                markers.append(TimeMarker(range: year.range.lowerBound..<year.dateEnd, kind: .year(year)))
                position = max(year.dateEnd, year.range.upperBound)
                // 2016年以来 / 2013年起: the span word belongs to the year.
                position += TimeWords.sinceAfterYear.match(text, at: position)
                nextYear += 1
                continue
            }
            if nextYear < years.count, years[nextYear].range.lowerBound < position {
                nextYear += 1
                continue
            }
            let value = text[position].value
            if mayStart.contains(value) || value >= 0x10000, let marker = marker(at: position, in: text) {
                markers.append(marker)
                position = marker.range.upperBound
                continue
            }
            position += 1
        }
    }

    /// Every scalar a marker of `marker(at:in:)` can start with (each of its tests needs its
    /// word's first scalar or a date digit there), so that most positions are ruled out with one
    /// bit look-up instead of a dozen word lists: the scan runs over every scalar of every article.
    private static let markerFirsts = ScalarBitmap(
        wordFirstValues + "0123456789〇零一二三四五六七八九十廿".unicodeScalars.map(\.value))

    /// The first scalars of the marker words alone (no date digit is one).
    private static let markerWordFirsts = ScalarBitmap(wordFirstValues)

    private static var wordFirstValues: [UInt32] {
        var firsts = TimeWords.relative.compactMap(\.word.first)
        for words in [TimeWords.spans, TimeWords.spanYears, TimeWords.since, TimeWords.current, TimeWords.wholeYear, TimeWords.tally] {
            firsts += words.words.compactMap(\.first)
        }
        return firsts
    }

    /// The first scalars of the relative years (今年, 去年…), so that their list is walked only
    /// where one may start.
    private static let relativeFirsts = ScalarBitmap(TimeWords.relative.compactMap(\.word.first))

    private static func marker(at position: Int, in text: [Unicode.Scalar]) -> TimeMarker? {
        let scalar = text[position]
        if relativeFirsts.contains(scalar.value) {
            for (word, offset) in TimeWords.relative where word[0] == scalar.value && ScalarWords.matches(text, at: position, word) {
                var end = position + word.count
                end += TimeWords.since.match(text, at: end)
                return TimeMarker(range: position..<end, kind: .relative(offset))
            }
        }
        if let length = nonZero(TimeWords.spans.match(text, at: position)) {
            return TimeMarker(range: position..<(position + length), kind: .span)
        }
        if let length = nonZero(TimeWords.spanYears.match(text, at: position)), position > 0,
            TimeWords.spanCounts.contains(text[position - 1].value)
        {
            return TimeMarker(range: position..<(position + length), kind: .span)
        }
        if let length = nonZero(TimeWords.since.match(text, at: position)) {
            return TimeMarker(range: position..<(position + length), kind: .span)
        }
        if let length = nonZero(TimeWords.current.match(text, at: position)) {
            let word = text[position..<(position + length)].map(\.value)
            // 目前，/ 近日，: a time phrase of its own; 目前广州某集团… says nothing about a year.
            let end = position + length
            if TimeWords.ownClauseOnly.contains(word), end < text.count, !ClauseBounds.isDelimiter(text[end]) { return nil }
            return TimeMarker(range: position..<(position + length), kind: .current, isVague: TimeWords.vagueCurrent.contains(word))
        }
        if let length = nonZero(TimeWords.wholeYear.match(text, at: position)) {
            return TimeMarker(range: position..<(position + length), kind: .wholeYear)
        }
        if let length = nonZero(TimeWords.tally.match(text, at: position)) {
            return TimeMarker(range: position..<(position + length), kind: .tally)
        }
        // A month and day (6月23日, 截至10月底), not part of a year's date and not a count (3个月).
        if TimeWords.isDateDigit(scalar), position == 0 || !TimeWords.isDateDigit(text[position - 1]),
            position == 0 || text[position - 1] != "年"
        {
            let end = TimeWords.dateEnd(after: position, in: text)
            if end > position, text[end - 1] != "月" || scalar != "一" {
                return TimeMarker(range: position..<end, kind: .current)
            }
        }
        return nil
    }

    @inline(__always)
    private static func nonZero(_ length: Int) -> Int? {
        length > 0 ? length : nil
    }
}
