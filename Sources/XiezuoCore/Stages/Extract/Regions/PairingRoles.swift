/// Helper and helped sides from the programmes' own structure, where the wording around each place
/// says nothing (广西累计投入广东省财政帮扶资金17.45亿元; 黑龙江省与广东省对口合作).
///
/// The programmes pair provinces officially (`CooperationPairs`: 广东省 helps 广西 and 贵州, 上海市
/// helps 云南…), and their news names the pairing: by a pairing name made of two abbreviations
/// (粤桂协作, 沪滇帮扶, “龙粤”两省, whichever order the text uses), by 援 and the helped province
/// (援疆, 援藏), or simply by naming places of both provinces, the helped one's often enough to be a
/// part of the story (twice, and a fifth of the place mentions). For every official pair the
/// article names both sides of:
/// - the helping province is on the helper's side, and so are its places, unless the article also
///   reports help inside that province (南沙区帮扶平远县, both in 广东: only the province itself is
///   then the helper);
/// - places of the helped province are never the article's helpers, and a weak helper cue on them
///   (乌兰察布与大兴, 浙江与四川已携手) is dropped;
/// - enterprises of the helping province (鲁商集团, 粤企, 浙商, 闽籍企业) name it as the partner.
/// A province that helps in one named pair and is helped in another keeps no structural role.
///
/// Two cities or a city and a province of one pairing, or of one province, written as a pairing
/// name with a cooperation word (广清产业园, 广湛两地, 广黔合作), pair as written: first the helper.
enum PairingRoles {
    /// `candidates` holds every position where 援, an abbreviation or the first character of one of
    /// the article's places stands.
    static func apply(
        text: [Unicode.Scalar], mentions: inout [ArticleMention], graph: inout PlaceGraph, gazetteer: Gazetteer,
        candidates: CuePositions
    ) {
        let pairs = gazetteer.pairs
        guard !pairs.isEmpty else { return }
        var provinceNodes: [Int32: Int] = [:]
        var mentionCounts: [Int32: Int] = [:]
        // Mentions counted per node first (an article repeats a handful of places), then each
        // node's province looked up once.
        var total = 0
        var nodeCounts = [Int](repeating: 0, count: graph.nodes.count)
        for mention in mentions where !mention.isOrganisation {
            total += 1
            nodeCounts[mention.node] += 1
        }
        for (node, count) in nodeCounts.enumerated() where count > 0 {
            if let (id, provinceNode) = province(of: node, graph: graph) {
                provinceNodes[id] = provinceNode
                mentionCounts[id, default: 0] += count
            }
        }
        // A helped province named only by its places must be a real part of the story: a stray
        // mention (民丰 in a 广州 story) does not make the article an East–West one.
        let named = Set(provinceNodes.keys)
        var namedHelped = Set(mentionCounts.filter { id, count in
            count >= Self.helpedMentions && Double(count) >= Self.helpedShare * Double(total)
        }.keys)
        // An article names a handful of places: a linear look-up beats a bitmap's allocation.
        var placeInitials: [UInt32] = []
        for mention in mentions where !mention.isOrganisation {
            guard let id = graph.nodes[mention.node].place, let initial = gazetteer.initial(ofPlace: id)?.value,
                !placeInitials.contains(initial)
            else { continue }
            placeInitials.append(initial)
        }
        var written: [(helper: Int32, recipient: Int32)] = []
        var writtenAt: [(position: Int, province: Int32)] = []
        var cityPairs: [(helper: Int, recipient: Int)] = []
        let outside = Self.outsideMentions(mentions, count: text.count)
        // What the loop below acts on starts with 援, an abbreviation or a place's initial: one bit
        // test (of the value's low ten bits) turns away almost every other position.
        var mayStart = [UInt64](repeating: 0, count: 16)
        for value in placeInitials + pairs.abbreviationValues + [("援" as Unicode.Scalar).value] {
            mayStart[Int(value & 1023) >> 6] |= 1 << UInt64(value & 63)
        }
        for position in candidates.positions where position < text.count - 1 {
            let value = text[position].value
            guard mayStart[Int(value & 1023) >> 6] & (1 << UInt64(value & 63)) != 0, outside[position] && outside[position + 1]
            else { continue }
            let first = text[position]
            let second = text[position + 1]
            if first == "援" {
                // 援疆, 援藏, 援滇: the programme word; not 支援新农村, 支援青年, 支援宁波.
                if RegionCues.helpedAbbreviations.contains(second.value), let helped = pairs.province(abbreviatedAs: second),
                    RegionCues.notAfterHelpedAbbreviation.match(text, at: position + 1) == 0
                {
                    namedHelped.insert(helped)
                }
                continue
            }
            // A pairing name starts with an abbreviation or the first character of a place (one bit
            // test and a look in a handful of initials at most positions), and a cooperation word
            // follows it.
            guard pairs.isAbbreviation(first) || placeInitials.contains(first.value), ScalarWords.isIdeograph(second),
                followsPairName(text, at: position + 2)
            else { continue }
            if let left = pairs.province(abbreviatedAs: first), let right = pairs.province(abbreviatedAs: second) {
                if pairs.isPair(helper: left, recipient: right) {
                    written.append((left, right))
                    writtenAt.append((position, left))
                    continue
                }
                if pairs.isPair(helper: right, recipient: left) {
                    written.append((right, left))
                    writtenAt.append((position + 1, right))
                    continue
                }
            }
            if let pair = cityPair(first, second, mentions: mentions, graph: graph, gazetteer: gazetteer) {
                cityPairs.append(pair)
            }
        }
        var helping = Set<Int32>()
        var helped = Set<Int32>()
        for pair in written {
            helping.insert(pair.helper)
            helped.insert(pair.recipient)
        }
        for helper in named {
            for recipient in namedHelped where pairs.isPair(helper: helper, recipient: recipient) {
                helping.insert(helper)
                helped.insert(recipient)
            }
        }
        let conflicting = helping.intersection(helped)
        helping.subtract(conflicting)
        helped.subtract(conflicting)
        guard !helping.isEmpty || !cityPairs.isEmpty else { return }

        for recipient in helped {
            guard let node = provinceNodes[recipient] else { continue }
            clearHelper(inside: node, mentions: &mentions, graph: &graph)
        }
        for helper in helping {
            let node = provinceNodes[helper] ?? graph.node(forPlace: helper, gazetteer: gazetteer, context: [])
            provinceNodes[helper] = node
            markHelper(node, mentions: mentions, graph: &graph)
        }
        for pair in cityPairs {
            clearHelper(inside: pair.recipient, mentions: &mentions, graph: &graph)
            markHelper(pair.helper, mentions: mentions, graph: &graph)
        }
        addAbbreviations(
            text: text, helping: helping, pairNames: writtenAt, provinceNodes: provinceNodes, mentions: &mentions,
            gazetteer: gazetteer, candidates: candidates)
    }

    /// Per scalar of the text, whether it lies outside every place mention: 新津 (a district of 成都)
    /// is no pairing name, 赴苏州 no abbreviation of 江苏.
    private static func outsideMentions(_ mentions: [ArticleMention], count: Int) -> [Bool] {
        var outside = [Bool](repeating: true, count: count)
        for mention in mentions {
            for index in mention.range where index < count { outside[index] = false }
        }
        return outside
    }

    /// How often, and what share of the article's place mentions, a helped province's places must
    /// be named for the province to count as named by them.
    static let helpedMentions = 2
    static let helpedShare = 0.2

    /// The gazetteer row and article node of the province holding `node`, if the article's reading
    /// places it in one.
    private static func province(of node: Int, graph: PlaceGraph) -> (Int32, Int)? {
        var current: Int? = node
        var steps = 0
        while let index = current, steps <= PlaceLevel.allCases.count {
            if graph.nodes[index].level == .province, let id = graph.nodes[index].place { return (id, index) }
            current = graph.parent(of: index)
            steps += 1
        }
        return nil
    }

    /// Marks `node` and, unless the article reports help inside it (a place there helped in so
    /// many words, or a pair of its places: 南沙区帮扶平远县, 深圳—汕尾), the places inside it as the
    /// helper's side.
    private static func markHelper(_ node: Int, mentions: [ArticleMention], graph: inout PlaceGraph) {
        graph.markDonorSide(node)
        let inside = graph.nodes.indices.filter { $0 != node && graph.isInside($0, node) }
        if inside.contains(where: { graph.nodes[$0].helpedScore > 0 }) { return }
        if graph.links.contains(where: { inside.contains($0.helper) && inside.contains($0.helped) }) { return }
        for index in inside { graph.markDonorSide(index) }
    }

    /// Places inside `node` are helped: none is the article's helper, and weak helper cues on them
    /// (X与Y, X发挥, 来自X的) are dropped.
    private static func clearHelper(inside node: Int, mentions: inout [ArticleMention], graph: inout PlaceGraph) {
        for index in graph.nodes.indices where graph.isInside(index, node) { graph.markDonorSide(index, false) }
        for index in mentions.indices where mentions[index].donorWeight < RegionCues.strongWeight && graph.isInside(mentions[index].node, node) {
            mentions[index].isDonorRole = false
            mentions[index].donorWeight = 0
        }
    }

    /// Whether a pairing name ends at `position`: a cooperation word follows, after closing quotes.
    private static func followsPairName(_ text: [Unicode.Scalar], at position: Int) -> Bool {
        var index = position
        while index < text.count, index < position + 2, RegionCues.pairNameClosers.contains(text[index].value) { index += 1 }
        return RegionCues.pairNameFollowers.match(text, at: index) > 0
    }

    /// Two places of the article written by their first characters (广清: 广州 and 清远), each the
    /// only prefecture- or province-level place of the article (or the outermost of nested ones)
    /// whose name starts with that character, in one province or in provinces of one pairing.
    private static func cityPair(
        _ first: Unicode.Scalar, _ second: Unicode.Scalar, mentions: [ArticleMention], graph: PlaceGraph, gazetteer: Gazetteer
    ) -> (helper: Int, recipient: Int)? {
        guard let helper = place(startingWith: first, mentions: mentions, graph: graph, gazetteer: gazetteer),
            let recipient = place(startingWith: second, mentions: mentions, graph: graph, gazetteer: gazetteer),
            !graph.isInside(helper, recipient), !graph.isInside(recipient, helper),
            let (helperProvince, _) = province(of: helper, graph: graph),
            let (recipientProvince, _) = province(of: recipient, graph: graph),
            helperProvince == recipientProvince || gazetteer.pairs.isPair(helper: helperProvince, recipient: recipientProvince)
        else { return nil }
        return (helper, recipient)
    }

    private static func place(
        startingWith scalar: Unicode.Scalar, mentions: [ArticleMention], graph: PlaceGraph, gazetteer: Gazetteer
    ) -> Int? {
        var found: [Int] = []
        for mention in mentions where !mention.isOrganisation && !found.contains(mention.node) {
            let node = graph.nodes[mention.node]
            guard node.level <= .prefecture, let id = node.place, gazetteer.initial(ofPlace: id) == scalar else { continue }
            found.append(mention.node)
        }
        let outermost = found.filter { node in !found.contains { $0 != node && graph.isInside(node, $0) } }
        return outermost.count == 1 ? outermost[0] : nil
    }

    /// Adds a mention for each place where a helping province is named by its abbreviation: in a
    /// pairing name (鲁渝协作), after a verb of going (赴沪培训, 在沪), or before its enterprises or
    /// merchants (鲁商集团, 粤企, 浙商, 闽籍企业). These name the partner, never a region.
    private static func addAbbreviations(
        text: [Unicode.Scalar], helping: Set<Int32>, pairNames: [(position: Int, province: Int32)], provinceNodes: [Int32: Int],
        mentions: inout [ArticleMention], gazetteer: Gazetteer, candidates: CuePositions
    ) {
        guard !helping.isEmpty else { return }
        var added: [ArticleMention] = []
        func add(_ range: Range<Int>, _ province: Int32, pairName: Bool = false) {
            guard helping.contains(province), let node = provinceNodes[province] else { return }
            var mention = ArticleMention(range: range, name: gazetteer.name(ofPlace: province), form: .fullName, node: node)
            mention.isOrganisation = true
            mention.isAbbreviation = true
            mention.isPairName = pairName
            mention.isDonorRole = true
            mention.donorWeight = RegionCues.strongWeight
            added.append(mention)
        }
        for pairName in pairNames { add(pairName.position..<(pairName.position + 1), pairName.province, pairName: true) }
        let pairs = gazetteer.pairs
        let outside = Self.outsideMentions(mentions, count: text.count)
        for position in candidates.positions where position < text.count - 1 && outside[position] && pairs.isAbbreviation(text[position]) {
            guard let province = pairs.province(abbreviatedAs: text[position]), helping.contains(province) else { continue }
            if position > 0, RegionCues.goingWords.contains(text[position - 1].value), ScalarWords.isIdeograph(text[position + 1]),
                pairs.province(abbreviatedAs: text[position + 1]) == nil
            {
                add(position..<(position + 1), province)
                continue
            }
            let length = RegionCues.enterpriseWords.match(text, at: position + 1)
            guard length > 0, RegionCues.enterpriseStoppers.match(text, at: position + 1 + length - 1) == 0 else { continue }
            add(position..<(position + 1 + length), province)
        }
        guard !added.isEmpty else { return }
        let occupied = mentions.map(\.range)
        mentions.append(contentsOf: added.filter { new in !occupied.contains { $0.overlaps(new.range) } })
        mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
    }
}
