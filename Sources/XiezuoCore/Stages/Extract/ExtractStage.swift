/// Extract: finds the facts of one cleaned article. A pure function of the article and the
/// configuration, so it can run on any worker (or any Spark executor).
public struct ExtractStage: Sendable {
    public let config: ExtractConfig
    private let gazetteer: Gazetteer
    private let programmes: ProgrammeVocabulary
    private let scanner = FigureScanner()
    private let classifier = FactClassifier()

    public init(config: ExtractConfig, gazetteer: Gazetteer, programmes: ProgrammeVocabulary = .empty) {
        self.config = config
        self.gazetteer = gazetteer
        self.programmes = programmes
    }

    /// The programmes of `article` and its facts, gated by `extract.require_programme`.
    public func extraction(of article: Article) -> Extraction {
        // The text's scalars (clean's own, or decoded once), for the programmes and the facts alike.
        let text = article.scalars
        let named = programmes.programmes(in: text)
        if config.requireProgramme && named.isEmpty { return Extraction(programmes: [], facts: []) }
        return Extraction(programmes: named, facts: facts(in: article, text: text))
    }

    /// The facts of `article`, in text order, each written once, whatever programme it names.
    public func facts(in article: Article) -> [Fact] {
        facts(in: article, text: ScalarDecoding.scalars(of: article.text))
    }

    /// The facts of `article`, whose text decoded into scalars is `text`.
    private func facts(in article: Article, text: [Unicode.Scalar]) -> [Fact] {
        let figures = scanner.figures(in: text)
        guard !figures.isEmpty else { return [] }
        let (sentences, paragraphs) = SentenceSplitter.split(text)
        // Which figures are facts comes first: it needs only the figure's sentence, and an article
        // with none (a story without a cooperation figure) needs no places, pairings or years.
        var classified: [(figure: Int, sentence: Int, category: FactCategory)] = []
        var sentenceIndex = 0
        for (index, figure) in figures.enumerated() {
            while sentenceIndex < sentences.count, sentences[sentenceIndex].range.upperBound <= figure.range.lowerBound {
                sentenceIndex += 1
            }
            guard sentenceIndex < sentences.count, sentences[sentenceIndex].range.contains(figure.range.lowerBound) else {
                continue
            }
            let nextFigure = index + 1 < figures.count ? figures[index + 1].range.lowerBound : text.count
            guard
                let category = classifier.category(
                    of: figure, in: text, sentence: sentences[sentenceIndex].range, nextFigure: nextFigure),
                config.tables.contains(category.table),
                Self.isRepresentable(figure, in: category.table)
            else { continue }
            classified.append((index, sentenceIndex, category))
        }
        guard !classified.isEmpty else { return [] }
        let docID = article.documentID
        let places = gazetteer.mentions(in: text)
        var framedParagraphs = [Bool](repeating: false, count: paragraphs.count)
        for (_, sentence, _) in classified { framedParagraphs[sentences[sentence].paragraph] = true }
        let years = YearResolver(
            text: text, sentences: sentences, paragraphs: paragraphs, published: article.published, title: article.title,
            placeStarts: places.map(\.range.lowerBound), figureStarts: figures.map(\.range.lowerBound),
            framedParagraphs: framedParagraphs
        )
        var regions = RegionResolver(text: text, mentions: places, gazetteer: gazetteer)
        var facts: [Fact] = []
        // Per fact: its paragraph and whether its region and partner came from the article alone.
        var written: [(paragraph: Int, placement: Placement)] = []
        var seen = FactIdentity.Seen()
        // The facts of one sentence share one evidence string: a wall of figures has hundreds
        // in a sentence of up to 1,000 characters, and a copy each grew memory with their product.
        var evidence: (sentence: Int, text: String) = (-1, "")
        for (figureIndex, sentenceIndex, category) in classified {
            let figure = figures[figureIndex]
            let sentence = sentences[sentenceIndex]
            let previous = facts.last.flatMap { fact in fact.year.map { DatedYear(year: $0, basis: fact.yearBasis ?? .stated) } }
            let year = years.year(for: figure, in: text, sentence: sentence, sentenceIndex: sentenceIndex, previous: previous)
            let placement = regions.placement(for: figure, sentence: sentence.range, paragraph: paragraphs[sentence.paragraph])
            let identity = FactIdentity(
                category: category, value: figure.value, qualifier: figure.qualifier, unit: Self.unitKey(figure.unit))
            switch seen.insert(identity, year: year?.year, at: facts.count) {
            case .new:
                break
            case .repeated(let first) where Self.isDistinct(facts[first], written[first], placement, paragraph: sentence.paragraph):
                break
            case .repeated(let first):
                // A headline or lead that repeats a body figure: the fact is written once, where
                // it first stands, with the year the repetition states when the first had none,
                // and the region and partner of the repetition when the first had only the
                // article's.
                if facts[first].year == nil, let year {
                    facts[first].year = year.year
                    facts[first].yearBasis = year.basis
                }
                if written[first].placement.regionFromArticle, !placement.regionFromArticle, placement.region != nil {
                    Self.place(&facts[first], region: placement.region)
                    written[first].placement.regionFromArticle = false
                }
                if written[first].placement.partnerFromArticle, !placement.partnerFromArticle, placement.partner != nil {
                    Self.place(&facts[first], partner: placement.partner)
                    written[first].placement.partnerFromArticle = false
                }
                continue
            }
            if evidence.sentence != sentenceIndex { evidence = (sentenceIndex, Self.string(text[sentence.range])) }
            var fact = Fact(
                docID: docID, year: year?.year, region: nil,
                category: category, value: figure.value, qualifier: figure.qualifier, low: figure.low, high: figure.high,
                text: Self.string(text[figure.range]), evidence: evidence.text,
                offset: figure.range.lowerBound
            )
            fact.yearBasis = year?.basis
            Self.place(&fact, region: placement.region)
            Self.place(&fact, partner: placement.partner)
            facts.append(fact)
            written.append((sentence.paragraph, placement))
        }
        return facts
    }

    /// Two mentions of one figure in one paragraph placed in two different places are two facts
    /// (上海市及黄浦区…援助总金额5042万元；上海市及静安区…援助总金额5042万元).
    private static func isDistinct(_ fact: Fact, _ first: (paragraph: Int, placement: Placement), _ placement: Placement, paragraph: Int) -> Bool {
        guard first.paragraph == paragraph, let region = placement.region, fact.region != nil else { return false }
        return !first.placement.regionFromArticle && !placement.regionFromArticle && region.name != fact.region
    }

    private static func place(_ fact: inout Fact, region: RegionRecord?) {
        fact.region = region?.name
        fact.regionCode = region?.code
        fact.province = region?.province
        fact.city = region?.city
        fact.county = region?.county
    }

    private static func place(_ fact: inout Fact, partner: RegionRecord?) {
        fact.partnerRegion = partner?.name
        fact.partnerRegionCode = partner?.code
    }

    /// Money is written to the cent (DECIMAL(18,2)); people and things are whole.
    private static func isRepresentable(_ figure: Figure, in table: FactTable) -> Bool {
        // Each bound in turn, without collecting them into an array per figure.
        func fits(_ bound: ExactDecimal?) -> Bool {
            guard let bound else { return true }
            switch table {
            case .investments: return bound.significand(atScale: 2) != nil
            case .jobs, .projects: return bound.isInteger
            }
        }
        return fits(figure.value) && fits(figure.low) && fits(figure.high)
    }

    private static func unitKey(_ unit: FigureUnit) -> String {
        switch unit {
        case .yuan: return "元"
        case .counted(let classifier): return classifier.rawValue
        }
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        ScalarText.string(scalars)
    }
}
