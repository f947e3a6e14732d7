/// The helping or paired side of a figure (the `partner_region` column): the helper the text
/// names closest to the figure, as specifically as it names it (上海市及黄浦区对口支援万州区 →
/// 黄浦区). Helpers are the places `PlaceRoles` found in a helper's role (在X帮扶下, X对口支援Y,
/// X携手…), the article's helpers everywhere (`PlaceNode.isDonorSide`, which includes the helping
/// province of a programme pairing and its places, see `PairingRoles`), and the enterprises of a
/// helping province (鲁商集团 → 山东省).
///
/// In order: the helpers of the figure's sentence (the most specific, then the nearest before the
/// figure, then the first after it); the nearest helper earlier in its paragraph; a pairing name
/// of its sentence or paragraph (鲁渝协作 → 山东省); the article's strongest helper. None when the article names no helper (a 百千万工程 report of one province).
/// A province found so that encloses the one helper the article names most (上海 in a story of
/// 普陀区's cadres, named twice or more) is that helper; a province named by its abbreviation (鲁渝,
/// 赴沪) or its enterprises (浙商, 粤企) stays the province.
struct PartnerFinder {
    let places: ArticlePlaces
    let text: [Unicode.Scalar]

    /// How often a helper inside a found province or city must be named to stand for it.
    static let specificMentions = 2

    /// The partner's node, and whether only the article as a whole gave it (its strongest helper or
    /// a pairing name) rather than a helper of the figure's sentence or paragraph.
    func partner(of position: Int, sentence: Range<Int>, paragraph: Range<Int>) -> (node: Int, fromArticle: Bool)? {
        let sentenceHelpers = places.mentions.filter { isHelper($0) && !$0.isPairName && sentence.contains($0.range.lowerBound) }
        if let holder = respectiveHolder(sentenceHelpers, before: position, in: sentence) { return (holder, false) }
        guard let (mention, fromArticle) = helperMention(of: position, sentence: sentence, paragraph: paragraph) else { return nil }
        // 湖南、浙江资金到疆: a list of helpers side by side is no one of them; the place holding them
        // all, if any, is the partner (上海市及黄浦区 is one helper, named twice).
        let list = listedHelpers(around: mention)
        let sideBySide = list.filter { node in !list.contains { $0 != node && places.graph.isInside(node, $0) } }
        if sideBySide.count > 1 {
            return places.graph.smallestCommonAncestor(of: sideBySide).map { ($0, fromArticle) }
        }
        return (mention.isAbbreviation ? mention.node : specific(mention.node), fromArticle)
    }

    /// The nodes of the helpers listed with `mention` (湖南、浙江; 广州市和深圳市), itself included.
    private func listedHelpers(around mention: ArticleMention) -> [Int] {
        guard !mention.isAbbreviation, let index = places.mentions.firstIndex(where: { $0.range == mention.range }) else {
            return [mention.node]
        }
        var nodes = [mention.node]
        var left = index
        while left > 0, isJoined(places.mentions[left - 1], places.mentions[left]), isHelper(places.mentions[left - 1]) {
            left -= 1
            if !nodes.contains(places.mentions[left].node) { nodes.append(places.mentions[left].node) }
        }
        var right = index
        while right + 1 < places.mentions.count, isJoined(places.mentions[right], places.mentions[right + 1]), isHelper(places.mentions[right + 1]) {
            right += 1
            if !nodes.contains(places.mentions[right].node) { nodes.append(places.mentions[right].node) }
        }
        return nodes
    }

    private func isJoined(_ left: ArticleMention, _ right: ArticleMention) -> Bool {
        let gap = left.range.upperBound..<right.range.lowerBound
        guard gap.count >= 1, gap.count <= 2 else { return false }
        return RegionCues.listJoiners.match(text, at: gap.lowerBound) == gap.count
    }

    private func helperMention(of position: Int, sentence: Range<Int>, paragraph: Range<Int>) -> (ArticleMention, Bool)? {
        let graph = places.graph
        var inSentence: [ArticleMention] = []
        var beforeInParagraph: ArticleMention?
        var pairName: ArticleMention?
        for mention in places.mentions where isHelper(mention) {
            if mention.isPairName {
                if mention.range.lowerBound >= paragraph.lowerBound, mention.range.lowerBound < sentence.upperBound,
                    pairName == nil || sentence.contains(mention.range.lowerBound)
                {
                    pairName = mention
                }
            } else if sentence.contains(mention.range.lowerBound) {
                inSentence.append(mention)
            } else if mention.range.lowerBound >= paragraph.lowerBound, mention.range.upperBound <= sentence.lowerBound {
                beforeInParagraph = mention
            }
        }
        if !inSentence.isEmpty {
            // 上海市及黄浦区: the helper inside another helper of the sentence is the one named.
            let specific = inSentence.filter { mention in
                !inSentence.contains { other in other.node != mention.node && graph.isInside(other.node, mention.node) }
            }
            if let before = specific.last(where: { $0.range.upperBound <= position }) { return (before, false) }
            // A helper after the figure names it only in the figure's own clause (…500万元由广州市援建).
            let clauseEnd = ClauseBounds.end(after: position, in: text, ceiling: sentence.upperBound)
            if let after = specific.first(where: { $0.range.lowerBound < clauseEnd }) { return (after, false) }
        }
        if let beforeInParagraph { return (beforeInParagraph, false) }
        if let pairName { return (pairName, true) }
        // A figure of several places named as a group (东部8个省市向西部10个省区市投入…) has no one
        // helper unless its sentence names one.
        // 两地 and 两省 are the pair itself, not a group.
        if places.unnamed.contains(where: { sentence.contains($0.lowerBound) && $0.upperBound <= position && text(at: $0.lowerBound) != "两" }) {
            return nil
        }
        return articleHelper().map { ($0, true) }
    }

    /// A total after helpers that act respectively (黄浦区…、静安区…分别签订协议，援助金额逾亿元): the
    /// place holding those helpers (上海市).
    private func respectiveHolder(_ helpers: [ArticleMention], before position: Int, in sentence: Range<Int>) -> Int? {
        let clauseStart = ClauseBounds.start(before: position, in: text, floor: sentence.lowerBound)
        guard let respective = (sentence.lowerBound..<clauseStart).last(where: { RegionCues.respectiveWords.match(text, at: $0) > 0 }),
            RegionCues.totalWords.occurs(in: text, respective..<position)
        else { return nil }
        var nodes: [Int] = []
        for helper in helpers where helper.range.upperBound <= respective && !helper.isAbbreviation && !nodes.contains(helper.node) {
            nodes.append(helper.node)
        }
        let outermost = nodes.filter { node in !nodes.contains { $0 != node && places.graph.isInside(node, $0) } }
        guard outermost.count >= 2 else { return nil }
        return places.graph.smallestCommonAncestor(of: outermost)
    }

    private func isHelper(_ mention: ArticleMention) -> Bool {
        if mention.isAbbreviation { return true }
        guard !mention.isChainPrefix, !mention.isOrganisation, !mention.isDeictic, !mention.isVenue else { return false }
        return mention.isDonorRole || places.graph.nodes[mention.node].isDonorSide
    }

    /// For a province, the helper named most often inside it, when one is named at least
    /// `specificMentions` times and more often than any other; else `node`. A city stays itself
    /// (茂名市 in a story of its county 信宜市 is the pairing's own side).
    private func specific(_ node: Int) -> Int {
        let graph = places.graph
        guard graph.nodes[node].level == .province else { return node }
        var counts: [Int: Int] = [:]
        for mention in places.mentions where !mention.isAbbreviation && mention.node != node && isHelper(mention) {
            if graph.isInside(mention.node, node) { counts[mention.node, default: 0] += 1 }
        }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard let best = ranked.first, best.value >= Self.specificMentions else { return node }
        if ranked.count > 1, ranked[1].value == best.value { return node }
        return best.key
    }

    /// The article's helper for a figure that names none: its one helper side, named by the most
    /// specific helper the text cues as one (在X帮扶下, X与Y…: 上海 and 松江区 → 松江区) when there is
    /// one such, else by the place holding them all (上海市 for 黄浦区 and 静安区; 广州市, not a district
    /// the article names in passing); none when the helpers are not one side (a round-up of 北京,
    /// 广东 and 浙江's work).
    private func articleHelper() -> ArticleMention? {
        let graph = places.graph
        let helpers = places.mentions.filter { isHelper($0) && !$0.isPairName }
        var nodes: [Int] = []
        for mention in helpers where !nodes.contains(mention.node) { nodes.append(mention.node) }
        let outermost = nodes.filter { node in !nodes.contains { $0 != node && graph.isInside(node, $0) } }
        guard outermost.count == 1 else { return nil }
        let cued = nodes.filter { $0 != outermost[0] && graph.nodes[$0].donorScore > 0 }
        let innermost = cued.filter { node in !cued.contains { $0 != node && graph.isInside($0, node) } }
        let chosen = innermost.count == 1 ? innermost[0] : outermost[0]
        return helpers.first { $0.node == chosen }
    }

    private func text(at position: Int) -> Unicode.Scalar? {
        text.indices.contains(position) ? text[position] : nil
    }
}
