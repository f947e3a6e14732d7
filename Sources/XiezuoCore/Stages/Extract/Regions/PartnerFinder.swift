/// The helping or paired side of a figure (the `partner_region` column): the helper the text
/// names closest to the figure, as specifically as it names it (上海市及黄浦区对口支援万州区 →
/// 黄浦区). Helpers are the places `PlaceRoles` found in a helper's role (在X帮扶下, X对口支援Y,
/// X携手…), the article's helpers everywhere (`PlaceNode.isDonorSide`, which includes the helping
/// province of a programme pairing and its places, see `PairingRoles`), and the helping province
/// named by its abbreviation (赴沪培训, 鲁商集团, 粤企).
///
/// In order: a total after helpers that act respectively (…分别签订协议，援助金额逾亿元) has the place
/// holding them; else the helpers of the figure's sentence (the most specific, then the nearest
/// before the figure, then one after it in its clause); the nearest helper earlier in its
/// paragraph; a pairing name of its sentence or paragraph (鲁渝协作 → 山东省); the article's helper,
/// when its helpers are all one side (上海市 and its 黄浦区, 静安区) and the figure's sentence does not
/// speak of places as a group (东部8个省市). None when the article names no helper (a 百千万工程
/// report of one province).
///
/// A province found so that encloses the one helper the article names most (上海 in a story of
/// 普陀区's cadres, named twice or more) is that helper; a province named by its abbreviation stays
/// the province. Helpers listed side by side (湖南、浙江) are no one partner: the place holding them
/// all is, if any.
///
/// Built once per article; each figure costs binary searches and the work of its own sentence.
struct PartnerFinder: Sendable {
    private let places: ArticlePlaces
    private let text: [Unicode.Scalar]
    /// Indices into `places.mentions` of the helper mentions other than pairing names, in text order.
    private let helpers: [Int]
    private let helperStarts: [Int]
    /// Indices into `places.mentions` of the pairing-name mentions, in text order.
    private let pairNames: [Int]
    private let pairNameStarts: [Int]
    /// The article's helper for a figure that names none (see `articleHelper`).
    private let articleHelper: Int?
    private let unnamedStarts: [Int]
    /// Per province node found as partner, the helper inside it that stands for it.
    private let specificHelpers: [Int: Int]

    /// How often a helper inside a found province must be named to stand for it.
    static let specificMentions = 2

    init(places: ArticlePlaces, text: [Unicode.Scalar]) {
        self.places = places
        self.text = text
        let mentions = places.mentions
        let isHelper = mentions.map { Self.isHelper($0, graph: places.graph) }
        helpers = mentions.indices.filter { isHelper[$0] && !mentions[$0].isPairName }
        helperStarts = helpers.map { mentions[$0].range.lowerBound }
        pairNames = mentions.indices.filter { isHelper[$0] && mentions[$0].isPairName }
        pairNameStarts = pairNames.map { mentions[$0].range.lowerBound }
        articleHelper = Self.articleHelper(helpers.map { mentions[$0] }, graph: places.graph)
        unnamedStarts = places.unnamed.map(\.lowerBound)
        specificHelpers = Self.specificHelpers(helpers.map { mentions[$0] }, graph: places.graph)
    }

    /// The partner's node, and whether only the article as a whole gave it (its helper or a
    /// pairing name) rather than a helper of the figure's sentence or paragraph.
    func partner(of position: Int, sentence: Range<Int>, paragraph: Range<Int>) -> (node: Int, fromArticle: Bool)? {
        let inSentence = range(of: sentence, in: helperStarts)
        if let holder = respectiveHolder(inSentence, before: position, in: sentence) { return (holder, false) }
        guard let (index, fromArticle) = helperMention(inSentence, of: position, sentence: sentence, paragraph: paragraph) else {
            return fromArticleHelper(position: position, sentence: sentence)
        }
        let mention = places.mentions[index]
        // 湖南、浙江资金到疆: a list of helpers side by side is no one of them; the place holding them
        // all, if any, is the partner (上海市及黄浦区 is one helper, named twice).
        let list = listedHelpers(around: index)
        let sideBySide = list.filter { node in !list.contains { $0 != node && places.graph.isInside(node, $0) } }
        if sideBySide.count > 1 {
            return places.graph.smallestCommonAncestor(of: sideBySide).map { ($0, fromArticle) }
        }
        return (mention.isAbbreviation ? mention.node : specificHelpers[mention.node] ?? mention.node, fromArticle)
    }

    /// The mention index of the helper of the figure's sentence or paragraph, or of a pairing name.
    private func helperMention(_ inSentence: Range<Int>, of position: Int, sentence: Range<Int>, paragraph: Range<Int>) -> (Int, Bool)? {
        let graph = places.graph
        if !inSentence.isEmpty {
            // 上海市及黄浦区: the helper inside another helper of the sentence is the one named.
            let nodes = inSentence.map { places.mentions[helpers[$0]].node }
            let specific = inSentence.filter { slot in
                let node = places.mentions[helpers[slot]].node
                return !nodes.contains { $0 != node && graph.isInside($0, node) }
            }
            if let before = specific.last(where: { places.mentions[helpers[$0]].range.upperBound <= position }) {
                return (helpers[before], false)
            }
            // A helper after the figure names it only in the figure's own clause (…500万元由广州市援建).
            let clauseEnd = ClauseBounds.end(after: position, in: text, ceiling: sentence.upperBound)
            if let after = specific.first(where: { places.mentions[helpers[$0]].range.lowerBound < clauseEnd }) {
                return (helpers[after], false)
            }
        }
        let paragraphStart = min(paragraph.lowerBound, sentence.lowerBound)
        if let last = Self.lastIndex(in: helperStarts, below: sentence.lowerBound), helperStarts[last] >= paragraphStart,
            places.mentions[helpers[last]].range.upperBound <= sentence.lowerBound
        {
            return (helpers[last], false)
        }
        // A pairing name of the sentence, else the last one earlier in the paragraph.
        let namesInSentence = range(of: sentence, in: pairNameStarts)
        if let first = namesInSentence.first { return (pairNames[first], true) }
        if let last = Self.lastIndex(in: pairNameStarts, below: sentence.lowerBound), pairNameStarts[last] >= paragraphStart {
            return (pairNames[last], true)
        }
        return nil
    }

    /// The article's helper, unless the figure's sentence speaks of places as a group before it
    /// (东部8个省市向西部10个省区市投入…; not 两地 and 两省, which are the pair itself).
    private func fromArticleHelper(position: Int, sentence: Range<Int>) -> (node: Int, fromArticle: Bool)? {
        guard let articleHelper else { return nil }
        let groups = places.unnamed
        var index = Self.lastIndex(in: unnamedStarts, below: position)
        while let current = index, groups[current].lowerBound >= sentence.lowerBound {
            if groups[current].upperBound <= position, text[groups[current].lowerBound] != "两" { return nil }
            index = current > 0 ? current - 1 : nil
        }
        return (articleHelper, true)
    }

    /// A total after helpers that act respectively (黄浦区…、静安区…分别签订协议，援助金额逾亿元): the
    /// place holding those helpers (上海市).
    private func respectiveHolder(_ inSentence: Range<Int>, before position: Int, in sentence: Range<Int>) -> Int? {
        guard inSentence.count >= 2 else { return nil }
        let clauseStart = ClauseBounds.start(before: position, in: text, floor: sentence.lowerBound)
        guard let respective = (sentence.lowerBound..<clauseStart).last(where: { RegionCues.respectiveWords.match(text, at: $0) > 0 }),
            RegionCues.totalWords.occurs(in: text, respective..<position)
        else { return nil }
        var nodes: [Int] = []
        for slot in inSentence {
            let helper = places.mentions[helpers[slot]]
            if helper.range.upperBound <= respective, !helper.isAbbreviation, !nodes.contains(helper.node) { nodes.append(helper.node) }
        }
        let outermost = nodes.filter { node in !nodes.contains { $0 != node && places.graph.isInside(node, $0) } }
        guard outermost.count >= 2 else { return nil }
        return places.graph.smallestCommonAncestor(of: outermost)
    }

    /// The nodes of the helpers listed with mention `index` (湖南、浙江; 广州市和深圳市), itself included.
    private func listedHelpers(around index: Int) -> [Int] {
        let mentions = places.mentions
        guard !mentions[index].isAbbreviation else { return [mentions[index].node] }
        var nodes = [mentions[index].node]
        var left = index
        while left > 0, isJoined(mentions[left - 1], mentions[left]), Self.isHelper(mentions[left - 1], graph: places.graph) {
            left -= 1
            if !nodes.contains(mentions[left].node) { nodes.append(mentions[left].node) }
        }
        var right = index
        while right + 1 < mentions.count, isJoined(mentions[right], mentions[right + 1]),
            Self.isHelper(mentions[right + 1], graph: places.graph)
        {
            right += 1
            if !nodes.contains(mentions[right].node) { nodes.append(mentions[right].node) }
        }
        return nodes
    }

    private func isJoined(_ left: ArticleMention, _ right: ArticleMention) -> Bool {
        let gap = left.range.upperBound..<right.range.lowerBound
        guard gap.count >= 1, gap.count <= 2 else { return false }
        return RegionCues.listJoiners.match(text, at: gap.lowerBound) == gap.count
    }

    private static func isHelper(_ mention: ArticleMention, graph: PlaceGraph) -> Bool {
        if mention.isAbbreviation { return true }
        guard !mention.isChainPrefix, !mention.isOrganisation, !mention.isDeictic, !mention.isVenue else { return false }
        return mention.isDonorRole || graph.nodes[mention.node].isDonorSide
    }

    /// The article's helper for a figure that names none: its one helper side, named by the most
    /// specific helper the text cues as one (在X帮扶下, X与Y…: 上海 and 松江区 → 松江区) when there is
    /// one such, else by the place holding them all (上海市 for 黄浦区 and 静安区; 广州市, not a district
    /// the article names in passing); none when the helpers are not one side (a round-up of 北京,
    /// 广东 and 浙江's work).
    private static func articleHelper(_ helpers: [ArticleMention], graph: PlaceGraph) -> Int? {
        var nodes: [Int] = []
        for mention in helpers where !nodes.contains(mention.node) { nodes.append(mention.node) }
        let outermost = nodes.filter { node in !nodes.contains { $0 != node && graph.isInside(node, $0) } }
        guard outermost.count == 1 else { return nil }
        let cued = nodes.filter { $0 != outermost[0] && graph.nodes[$0].donorScore > 0 }
        let innermost = cued.filter { node in !cued.contains { $0 != node && graph.isInside($0, node) } }
        return innermost.count == 1 ? innermost[0] : outermost[0]
    }

    /// For each province among the helpers, the helper inside it named most often, when it is named
    /// at least `specificMentions` times and more often than any other (a city stays itself:
    /// 茂名市 in a story of its county 信宜市 is the pairing's own side).
    private static func specificHelpers(_ helpers: [ArticleMention], graph: PlaceGraph) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for mention in helpers where !mention.isAbbreviation { counts[mention.node, default: 0] += 1 }
        var found: [Int: Int] = [:]
        for province in Set(helpers.map(\.node)) where graph.nodes[province].level == .province {
            let inside = counts.filter { $0.key != province && graph.isInside($0.key, province) }
            let ranked = inside.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            guard let best = ranked.first, best.value >= specificMentions else { continue }
            if ranked.count > 1, ranked[1].value == best.value { continue }
            found[province] = best.key
        }
        return found
    }

    /// The slots of `starts` (ascending) that fall inside `range`.
    private func range(of range: Range<Int>, in starts: [Int]) -> Range<Int> {
        let low = Self.lastIndex(in: starts, below: range.lowerBound).map { $0 + 1 } ?? 0
        let high = Self.lastIndex(in: starts, below: range.upperBound).map { $0 + 1 } ?? 0
        return low..<max(low, high)
    }

    /// Index of the last element of the ascending `values` that is below `limit`.
    private static func lastIndex(in values: [Int], below limit: Int) -> Int? {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < limit { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }
}
