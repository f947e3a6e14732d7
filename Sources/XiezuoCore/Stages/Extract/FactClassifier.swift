/// Decides what a figure is a figure of, or that it is not a fact at all (a rate, a macro
/// statistic, a label, or a number with no cooperation meaning around it).
struct FactClassifier: Sendable {
    /// How far after a figure its noun phrase may name what is counted (23项重点合作项目).
    static let nounWindow = 12
    /// How far after a count of people the verb may name what they do: a noun phrase of people
    /// is often long (四百名扶贫干部和教育、卫生专业技术人员赴沪培训).
    static let peopleWindow = 24

    /// The category of `figure`, or nil when it is not a fact. `sentence` bounds the context;
    /// `nextFigure` is where the next figure starts, so one figure's noun is not another's.
    func category(of figure: Figure, in text: [Unicode.Scalar], sentence: Range<Int>, nextFigure: Int) -> FactCategory? {
        var clauseStart = ClauseBounds.start(before: figure.range.lowerBound, in: text, floor: sentence.lowerBound)
        let clauseEnd = ClauseBounds.end(after: figure.range.upperBound, in: text, ceiling: sentence.upperBound)
        // A macro word (人口, 面积, 生产总值…) makes the figure a statistic, unless a cue stands
        // between it and the figure: 脱贫人口外出务工规模达335.6万人 counts workers who left.
        var floor = sentence.lowerBound
        if let macro = ExtractVocabulary.macro.nearest(endingIn: clauseStart..<figure.range.lowerBound, of: text) {
            clauseStart = macro.range.upperBound
            floor = macro.range.upperBound
        }
        let before = clauseStart..<figure.range.lowerBound
        let after = figure.range.upperBound..<min(clauseEnd, nextFigure, figure.range.upperBound + Self.nounWindow)
        let category: FactCategory?
        switch figure.unit {
        case .yuan:
            category = money(figure, in: text, sentence: floor..<sentence.upperBound, before: before, after: after)
        case .counted(let classifier):
            if Self.isBareOne(figure, in: text) { return nil }
            let countsPeople = ExtractVocabulary.peopleClassifiers.contains(classifier.rawValue)
            if !countsPeople, Self.countsPlaces(figure, in: text, after: after) {
                return nil
            }
            let peopleAfter = after.lowerBound..<min(clauseEnd, nextFigure, figure.range.upperBound + Self.peopleWindow)
            if countsPeople {
                category = people(in: text, before: before, after: peopleAfter, positionsOnly: false)
            } else if ExtractVocabulary.positionClassifiers.contains(classifier.rawValue),
                let positions = people(in: text, before: before, after: after, positionsOnly: true)
            {
                category = positions
            } else if classifier == .家, Self.isAbbreviatedEnterprise(after: figure.range.upperBound, in: text) {
                category = .enterprises
            } else {
                category = thing(classifier: classifier.rawValue, in: text, before: before, after: after)
            }
        }
        return category.map { refined($0, in: text, clause: clauseStart..<figure.range.lowerBound) }
    }

    /// The category narrowed by a word earlier in the figure's clause (`ExtractVocabulary.refinements`).
    private func refined(_ category: FactCategory, in text: [Unicode.Scalar], clause: Range<Int>) -> FactCategory {
        for refinement in ExtractVocabulary.refinements where refinement.from == category {
            var start = clause.lowerBound
            while start < clause.upperBound, let word = refinement.words.first(in: start..<clause.upperBound, of: text) {
                if !Self.isCovered(word.range, by: refinement.unless, in: text) { return refinement.to }
                start = word.range.upperBound
            }
        }
        return category
    }

    private func money(
        _ figure: Figure, in text: [Unicode.Scalar], sentence: Range<Int>, before: Range<Int>, after: Range<Int>
    ) -> FactCategory? {
        let end = figure.range.upperBound
        // 3500元/月, 2000元每户: a rate.
        if end < text.count, ["/", "每", "／"].contains(text[end]) { return nil }
        if ExtractVocabulary.perUnit.contains(in: before, of: text) { return nil }
        // 超亿元项目, 3000亿元大关: the amount labels something else.
        if let label = ExtractVocabulary.labelAfterMoney.first(in: after, of: text), label.range.lowerBound == end {
            return nil
        }
        // 年收入10万元以上的行政村: a threshold that describes what follows.
        if figure.qualifier == .over, end < text.count, text[end] == "的", end >= 2, text[end - 2] == "以", text[end - 1] == "上" {
            return nil
        }
        // 36000余元专项资金: a noun right after the amount names it.
        if let adjacent = ExtractVocabulary.money.first(in: after, of: text), adjacent.range.lowerBound <= end + 1 {
            return adjacent.value
        }
        if let adjacent = ExtractVocabulary.moneyRightAfter.first(in: after, of: text), adjacent.range.lowerBound == end {
            return adjacent.value
        }
        if let nearest = ExtractVocabulary.money.nearest(endingIn: sentence.lowerBound..<figure.range.lowerBound, of: text) {
            return nearest.value
        }
        return ExtractVocabulary.money.first(in: after, of: text)?.value
    }

    private func people(
        in text: [Unicode.Scalar], before: Range<Int>, after: Range<Int>, positionsOnly: Bool
    ) -> FactCategory? {
        let candidates = [
            ExtractVocabulary.people.first(in: after, of: text)?.value,
            ExtractVocabulary.people.nearest(endingIn: before, of: text)?.value,
        ]
        for case let category? in candidates where !positionsOnly || category == .positions {
            return category
        }
        return nil
    }

    private func thing(classifier: String, in text: [Unicode.Scalar], before: Range<Int>, after: Range<Int>) -> FactCategory? {
        let candidates = [
            ExtractVocabulary.things.first(in: after, of: text)?.value,
            ExtractVocabulary.things.nearest(endingIn: before, of: text)?.value,
        ]
        for case let category? in candidates where ExtractVocabulary.thingClassifiers[category]?.contains(classifier) == true {
            return category
        }
        return nil
    }

    /// 10个省区市, 24个镇, 19个援疆省市: a count of places. A one-character noun follows the count
    /// right away and ends its word (not 村民, 乡亲, 县城); a longer one may follow a short modifier.
    private static func countsPlaces(_ figure: Figure, in text: [Unicode.Scalar], after: Range<Int>) -> Bool {
        guard let place = ExtractVocabulary.placeCountNouns.first(in: after, of: text) else { return false }
        if place.range.count == 1 {
            guard place.range.lowerBound == figure.range.upperBound else { return false }
            return place.range.upperBound == text.count || !ExtractVocabulary.placeNounContinuations.contains(text[place.range.upperBound])
        }
        return place.range.lowerBound - figure.range.upperBound <= ExtractVocabulary.placeNounModifier
    }

    /// Whether one of `words` stands around `range` and holds it (产业转移 holds 转移).
    private static func isCovered(_ range: Range<Int>, by words: KeywordSet<Bool>, in text: [Unicode.Scalar]) -> Bool {
        var start = max(0, range.lowerBound - 4)
        let end = min(text.count, range.upperBound + 4)
        while start < end, let found = words.first(in: start..<end, of: text) {
            if found.range.lowerBound <= range.lowerBound, found.range.upperBound >= range.upperBound { return true }
            start = found.range.lowerBound + 1
        }
        return false
    }

    /// 227家粤企, 12家央企, 30家民企: one character and 企 name a kind of enterprise.
    private static func isAbbreviatedEnterprise(after end: Int, in text: [Unicode.Scalar]) -> Bool {
        end + 1 < text.count && ScalarWords.isIdeograph(text[end]) && text[end + 1] == "企"
            && (end + 2 == text.count || text[end + 2] != "业")
    }

    /// 一个, 一家: in prose "一" is an article ("a"), not a count.
    private static func isBareOne(_ figure: Figure, in text: [Unicode.Scalar]) -> Bool {
        figure.value == ExactDecimal(1) && figure.numberRange.count == 1 && text[figure.numberRange.lowerBound] == "一"
    }
}
