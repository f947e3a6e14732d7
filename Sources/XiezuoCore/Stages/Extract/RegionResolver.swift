/// The place a figure is about (EXTRACTION.md `region`): the most specific place the figure
/// reports on, usually the helped side of a cooperation, named as the article writes it.
///
/// Analysts group the tables by `region`, so the rule favours one stable place per story over the
/// nearest word that happens to be a place. docs/regions.md gives the rationale and examples.
///
/// 1. Places. Every gazetteer mention is tied to one place (`ReadingChooser` settles namesakes
///    from the article's other places); villages, communities and subdistricts found by suffix
///    hang under the place written right before them (三都水族自治县(简称“三都县”)凤羽街道城南社区);
///    short and full forms are one place (三都 = 三都县 = 三都水族自治县); once the article names a
///    township in full, its bare stem is that township too (吕田 after 吕田镇). A place written right
///    before a place inside it (广州市 in 广州市黄埔区) only qualifies it; a place that starts a
///    company's name (广州益善生物集团) only says where the company is from.
/// 2. Helpers. Wordings such as 在X(的)…帮扶/支持/推动…下, X携手/联合, X帮扶Y, X驻Y工作队 and a
///    kicker line `X:` name X as the helper; X充分利用/发挥, 发挥X所能, 来自X的, X与Y and X—Y do so
///    more weakly; 帮扶/向/落地/驻/为 X name X as helped (`PlaceRoles`). A mention with a helper
///    wording is never a figure's place; a place whose helper cues reach two points and outweigh
///    its helped cues is the helper everywhere in the article, and so is a division that only
///    encloses helpers (广州 for 黄埔区, unless a helped place lies in 广州 too).
/// 3. Focus. The article's focus is the most specific place below province level, written in the
///    article, that covers at least 60% of its remaining mentions, each mention counted for its
///    place and every place enclosing it (三都县 in a story about 三都's communities; none in a
///    round-up of 惠水县, 龙里县, 吕田镇 and 梅江区).
/// 4. Local place. For each figure: the nearest remaining place before it in its clause, else the
///    first after it in its clause (277名外出务工人员从惠水县出发, 投资20亿元的项目落地龙岩), else the
///    nearest before it in its sentence, else earlier in its paragraph. A generic plural such as
///    13个国内合作城市 or 西部协作省份, when nearer in the clause or sentence, means the figure is
///    about several places and gets none.
/// 5. Report. With a focus: a local place that encloses the focus, or lies inside a county- or
///    township-level focus, reports the focus (黔南州 and 城南社区 in the 三都 story are 三都县);
///    any other local place is reported as itself; no local place reports the focus. Without a
///    focus: the local place, or nothing. The name is the article's own, preferring the form with
///    an administrative suffix (三都县 over 三都, 吕田镇 over 吕田; see `WrittenForm`).
struct RegionResolver: Sendable {
    private let text: [Unicode.Scalar]
    private let places: ArticlePlaces
    /// End offsets of the candidate mentions, in text order, for binary search.
    private let candidateEnds: [Int]
    private let unnamedEnds: [Int]

    private let gazetteer: Gazetteer
    private let partners: PartnerFinder
    /// The records made so far, by node: an article's figures name a handful of places, and a
    /// record is five strings read from the gazetteer's tables.
    private var records: [Int: RegionRecord] = [:]

    init(text: [Unicode.Scalar], mentions: [PlaceMention], gazetteer: Gazetteer) {
        self.text = text
        self.gazetteer = gazetteer
        let places = ArticlePlaces(text: text, found: mentions, gazetteer: gazetteer)
        self.places = places
        candidateEnds = places.candidates.map { places.mentions[$0].range.upperBound }
        unnamedEnds = places.unnamed.map(\.upperBound)
        partners = PartnerFinder(places: places, text: text)
    }

    /// The region of `figure`, found in `sentence` of `paragraph` (scalar ranges of `text`), named
    /// as the article writes it.
    func region(for figure: Figure, sentence: Range<Int>, paragraph: Range<Int>) -> String? {
        regionNode(for: figure, sentence: sentence, paragraph: paragraph).node.flatMap { places.graph.nodes[$0].name }
    }

    /// The region of `figure` and its partner (the helping side), as the tables write them:
    /// canonical names with codes and the hierarchy (see `RegionRecord`).
    mutating func placement(for figure: Figure, sentence: Range<Int>, paragraph: Range<Int>) -> Placement {
        let (region, fromFocus) = regionNode(for: figure, sentence: sentence, paragraph: paragraph)
        let found = partners.partner(of: figure.range.lowerBound, sentence: sentence, paragraph: paragraph)
        var partner = found?.node
        if let partner0 = partner, let region, places.graph.isInside(region, partner0) || places.graph.isInside(partner0, region) {
            partner = nil
        }
        // Plain conditionals, not `map(record)`: that partial application copied the whole
        // resolver per figure.
        var regionRecord: RegionRecord?
        if let region { regionRecord = knownRecord(region) }
        var partnerRecord: RegionRecord?
        if let partner { partnerRecord = knownRecord(partner) }
        return Placement(
            region: regionRecord, partner: partnerRecord,
            regionFromArticle: fromFocus, partnerFromArticle: found?.fromArticle ?? true)
    }

    private mutating func knownRecord(_ node: Int) -> RegionRecord {
        if let known = records[node] { return known }
        let made = record(node)
        records[node] = made
        return made
    }

    /// The canonical record of an article place: the gazetteer's full name and code, and the
    /// enclosing divisions the article's reading chose (see `PlaceGraph`).
    private func record(_ node: Int) -> RegionRecord {
        let graph = places.graph
        let own = graph.nodes[node]
        let name = own.place.map { gazetteer.name(ofPlace: $0) } ?? own.name ?? ""
        var record = RegionRecord(name: name, code: nil, province: nil, city: nil, county: nil)
        var current: Int? = node
        var steps = 0
        while let index = current, steps <= PlaceLevel.allCases.count {
            if let id = graph.nodes[index].place {
                if record.code == nil { record.code = gazetteer.code(ofPlace: id) }
                switch gazetteer.level(ofPlace: id) {
                case .province: record.province = gazetteer.name(ofPlace: id)
                case .prefecture: record.city = gazetteer.name(ofPlace: id)
                case .county: record.county = gazetteer.name(ofPlace: id)
                case .township, .village: break
                }
            }
            current = graph.parent(of: index)
            steps += 1
        }
        // A municipality's districts have no prefecture between them and the municipality.
        if record.city == nil, let province = record.province, record.county != nil || own.level == .province,
            Self.municipalities.contains(province)
        {
            record.city = province
        }
        return record
    }

    private static let municipalities: Set<String> = ["北京市", "天津市", "上海市", "重庆市"]

    /// The figure's place, and whether it is the article's focus for want of a place of its own.
    private func regionNode(for figure: Figure, sentence: Range<Int>, paragraph: Range<Int>) -> (node: Int?, fromFocus: Bool) {
        let start = figure.range.lowerBound
        let clauseStart = ClauseBounds.start(before: start, in: text, floor: sentence.lowerBound)
        let clauseEnd = ClauseBounds.end(after: figure.range.upperBound, in: text, ceiling: sentence.upperBound)
        switch nearest(before: start, notBefore: clauseStart, countingUnnamed: true) {
        case .place(let candidate): return (rolledUp(candidate).map(report), false)
        case .unnamed: return (wholeUnit(before: start, in: sentence), false)
        case .nothing: break
        }
        if let candidate = first(after: figure.range.upperBound, before: clauseEnd) {
            return (rolledUp(candidate).map(report), false)
        }
        if figure.unit == .yuan, let destination = purpose(after: clauseEnd, in: sentence) {
            return (destination.map(report), false)
        }
        if let total = respectiveTotal(clause: clauseStart..<start, in: sentence) {
            return (total.map(report), false)
        }
        switch nearest(before: clauseStart, notBefore: sentence.lowerBound, countingUnnamed: true) {
        case .place(let candidate): return (rolledUp(candidate).map(report), false)
        case .unnamed: return (wholeUnit(before: start, in: sentence), false)
        case .nothing: break
        }
        let paragraphStart = min(paragraph.lowerBound, sentence.lowerBound)
        if case .place(let candidate) = nearest(before: sentence.lowerBound, notBefore: paragraphStart, countingUnnamed: false) {
            return (rolledUp(candidate).map(report), false)
        }
        return (places.focus, true)
    }

    /// The places of the clause right after a money figure's when it says what the money is for
    /// (…资金共计4.6亿元，用于支持西秀区、紫云县、重庆巫山县…; 再筹集1.5亿元，定向帮扶毕节…): the
    /// smallest division holding them (`.some(nil)` when they lie in several provinces), or nil
    /// when there is no such clause or it names no place.
    private func purpose(after clauseEnd: Int, in sentence: Range<Int>) -> Int?? {
        let start = clauseEnd + 1
        guard start < sentence.upperBound, ClauseBounds.isDelimiter(text[clauseEnd]), text[clauseEnd] != "。",
            RegionCues.purposeWords.match(text, at: start) > 0
        else { return nil }
        let end = ClauseBounds.end(after: start, in: text, ceiling: sentence.upperBound)
        var nodes: [Int] = []
        var index = (Self.lastIndex(in: candidateEnds, atMost: start).map { $0 + 1 }) ?? 0
        while index < candidateEnds.count, candidateEnds[index] <= end {
            let mention = places.mentions[places.candidates[index]]
            if mention.range.lowerBound >= start, !nodes.contains(mention.node) { nodes.append(mention.node) }
            index += 1
        }
        guard !nodes.isEmpty else { return nil }
        return .some(places.graph.smallestCommonAncestor(of: nodes))
    }

    /// A total after places that act respectively (黄浦区与万州区、静安区与夷陵区分别签订协议，援助项目
    /// 共56个，援助金额逾亿元): the smallest division holding the places before the figure's clause
    /// (`.some(nil)` when they lie in several provinces); nil when the sentence is not so.
    private func respectiveTotal(clause: Range<Int>, in sentence: Range<Int>) -> Int?? {
        // The places act respectively before the figure's clause, and a total follows them.
        guard let respective = (sentence.lowerBound..<clause.lowerBound).last(where: { RegionCues.respectiveWords.match(text, at: $0) > 0 }),
            RegionCues.totalWords.occurs(in: text, respective..<clause.upperBound)
        else { return nil }
        var nodes: [Int] = []
        var index = (Self.lastIndex(in: candidateEnds, atMost: sentence.lowerBound).map { $0 + 1 }) ?? 0
        while index < candidateEnds.count, candidateEnds[index] <= respective {
            let node = places.mentions[places.candidates[index]].node
            if !nodes.contains(node) { nodes.append(node) }
            index += 1
        }
        guard nodes.count >= 2 else { return nil }
        return .some(places.graph.smallestCommonAncestor(of: nodes))
    }

    /// For a figure whose nearest place is a generic plural (帮扶地区, 各地): the article's province,
    /// city or county when the sentence frames it as a whole (全省…，各地…，…帮扶地区…43.9亿元).
    private func wholeUnit(before position: Int, in sentence: Range<Int>) -> Int? {
        var index = Self.lastIndex(in: candidateEnds, atMost: position)
        while let current = index {
            let mention = places.mentions[places.candidates[current]]
            guard mention.range.lowerBound >= sentence.lowerBound else { return nil }
            if mention.isDeictic { return mention.node }
            index = current > 0 ? current - 1 : nil
        }
        return nil
    }

    /// The place of candidate `index`, or, when it is one of a list of places (察右前旗、正镶白旗;
    /// 毕节、黔南两地), the smallest division holding them all; nil when none does (places in
    /// several provinces: a multi-province figure has no one region).
    private func rolledUp(_ index: Int) -> Int? {
        let graph = places.graph
        var first = index
        var last = index
        while first > 0, isListed(places.candidates[first - 1], places.candidates[first]) { first -= 1 }
        while last + 1 < places.candidates.count, isListed(places.candidates[last], places.candidates[last + 1]) { last += 1 }
        let nodes = (first...last).map { places.mentions[places.candidates[$0]].node }
        guard let head = nodes.first, nodes.count > 1 else { return places.mentions[places.candidates[index]].node }
        var ancestor: Int? = head
        var steps = 0
        while let candidate = ancestor, steps <= PlaceLevel.allCases.count {
            if nodes.allSatisfy({ graph.isInside($0, candidate) }) { return candidate }
            ancestor = graph.parent(of: candidate)
            steps += 1
        }
        return nil
    }

    /// Whether mentions `left` and `right` are items of one list: only 、, 和, 及 or 与 between them,
    /// or the rest of the first item and then the joiner (墨竹工卡县格桑花开产业园、林周县格桑塘农牧产业园:
    /// two parks, each headed by its county; 兰州拉面师、临夏砖雕、东乡绣娘).
    private func isListed(_ left: Int, _ right: Int) -> Bool {
        let gap = places.mentions[left].range.upperBound..<places.mentions[right].range.lowerBound
        guard gap.count >= 1 else { return false }
        if gap.count <= 2, RegionCues.listJoiners.match(text, at: gap.lowerBound) == gap.count { return true }
        return gap.count <= RegionCues.listItemReach && RegionCues.listJoiners.matchEnding(text, before: gap.upperBound) > 0
            && !gap.contains(where: { ClauseBounds.isDelimiter(text[$0]) })
    }

    private enum Nearest {
        case place(Int)
        case unnamed
        case nothing
    }

    /// The candidate (or generic plural) ending last at or before `limit` and starting at or after
    /// `floor`.
    private func nearest(before limit: Int, notBefore floor: Int, countingUnnamed: Bool) -> Nearest {
        var placeEnd = -1
        var node: Int?
        let candidate = Self.lastIndex(in: candidateEnds, atMost: limit)
        if let candidate {
            let mention = places.mentions[places.candidates[candidate]]
            if mention.range.lowerBound >= floor {
                placeEnd = mention.range.upperBound
                node = candidate
            }
        }
        if countingUnnamed, let unnamed = Self.lastIndex(in: unnamedEnds, atMost: limit) {
            let range = places.unnamed[unnamed]
            // 毕节、黔南两地: a count word right after a list of places names those places.
            if range.lowerBound >= floor, range.upperBound > placeEnd, range.lowerBound != placeEnd { return .unnamed }
        }
        return node.map(Nearest.place) ?? .nothing
    }

    /// The first candidate starting at or after `start` and ending by `limit`.
    private func first(after start: Int, before limit: Int) -> Int? {
        let following = (Self.lastIndex(in: candidateEnds, atMost: start).map { $0 + 1 }) ?? 0
        guard following < candidateEnds.count else { return nil }
        let mention = places.mentions[places.candidates[following]]
        guard mention.range.lowerBound >= start, mention.range.upperBound <= limit else { return nil }
        return following
    }

    /// The place reported for a figure whose local place is `node` (step 5 above).
    private func report(_ node: Int) -> Int {
        let graph = places.graph
        guard let focus = places.focus else { return node }
        if graph.isInside(focus, node) { return focus }
        if graph.nodes[focus].level >= .county, graph.isInside(node, focus) { return focus }
        return node
    }

    /// Index of the last element of the ascending `values` that is at most `limit`.
    private static func lastIndex(in values: [Int], atMost limit: Int) -> Int? {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= limit { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }
}
