/// An article's places as the region resolver sees them: every mention tied to one place of an
/// article-local hierarchy, with its role (chain prefix, company name, helper), the article's
/// helpers, its focus, and the mentions that may be a figure's place. Built once per article, in
/// time linear in the text plus small work per distinct place name.
struct ArticlePlaces: Sendable {
    /// In text order, non-overlapping: the gazetteer's mentions plus township aliases.
    let mentions: [ArticleMention]
    let graph: PlaceGraph
    /// The place the article is about, if one covers a clear majority of its mentions (of its
    /// helpers' mentions when it names no other place).
    let focus: Int?
    /// Indices into `mentions` of the mentions that may be a figure's place, in text order.
    let candidates: [Int]
    /// Phrases naming several places without naming them (13个国内合作城市), in text order.
    let unnamed: [Range<Int>]

    init(text: [Unicode.Scalar], found: [PlaceMention], gazetteer: Gazetteer) {
        var graph = PlaceGraph()
        var mentions = Self.resolve(text: text, found: found, gazetteer: gazetteer, graph: &graph)
        let cues = CuePositions(text: text, mentions: mentions, graph: graph, gazetteer: gazetteer)
        mentions = Self.addAliases(to: mentions, text: text, graph: graph, candidates: cues)
        let chains = Self.linkChains(&mentions, text: text, graph: &graph)
        Self.markCompanies(&mentions, text: text)
        Self.markVenues(&mentions, text: text)
        PlaceRoles.score(text: text, mentions: &mentions, chains: chains, graph: &graph)
        Self.markDonorSide(mentions: mentions, graph: &graph)
        PairingRoles.apply(text: text, mentions: &mentions, graph: &graph, gazetteer: gazetteer, candidates: cues)
        for mention in mentions {
            graph.noteName(mention.name, form: mention.form, of: mention.node)
        }
        var candidates = Self.candidates(of: mentions, graph: graph)
        // An article that names no place but its helper (a round-up of one city's cooperation
        // work) reports the helper's totals: the helper is then its focus.
        let counted = candidates.isEmpty
            ? mentions.filter { !$0.isChainPrefix && !$0.isOrganisation }.map(\.node)
            : candidates.map { mentions[$0].node }
        let focus = Self.focus(of: counted, graph: graph)
        let deictic = DeicticPlaces.mentions(in: text, outside: mentions, focus: focus, graph: graph, candidates: cues)
        if !deictic.isEmpty {
            mentions = (mentions + deictic).sorted { $0.range.lowerBound < $1.range.lowerBound }
            candidates = Self.candidates(of: mentions, graph: graph)
        }
        self.mentions = mentions
        self.graph = graph
        self.candidates = candidates
        self.focus = focus
        self.unnamed = UnnamedPlaces.ranges(in: text, candidates: cues)
    }

    /// The mentions that may be a figure's place: not a chain prefix, company, helper or venue.
    private static func candidates(of mentions: [ArticleMention], graph: PlaceGraph) -> [Int] {
        mentions.indices.filter { index in
            let mention = mentions[index]
            return !mention.isChainPrefix && !mention.isOrganisation && !mention.isDonorRole && !mention.isVenue
                && !graph.nodes[mention.node].isDonorSide
        }
    }

    /// Ties each gazetteer mention to one place (see `ReadingChooser`) and each suffix-found one to
    /// a place of its own name.
    private static func resolve(
        text: [Unicode.Scalar], found: [PlaceMention], gazetteer: Gazetteer, graph: inout PlaceGraph
    ) -> [ArticleMention] {
        let forms = found.map { gazetteer.surfaceForm(of: text[$0.range]) }
        // Sized once: an article names at most as many distinct forms as it has mentions, and
        // growing the tables rehashed them.
        var readings: [Int32: [Int32]] = [:]
        readings.reserveCapacity(found.count)
        for form in forms {
            guard let form, readings[form] == nil else { continue }
            readings[form] = gazetteer.places(ofForm: form)
        }
        let chosen = ReadingChooser.choose(readings, gazetteer: gazetteer)
        // Where a township's parent is one of several namesakes: the one among the article's
        // places and all that encloses them.
        var context = Set(chosen.values)
        for reading in chosen.values { context.formUnion(gazetteer.ancestors(ofPlace: reading)) }
        // Per distinct name, once (an article repeats a handful of names): its node and how it
        // is written. Nodes are still made in the order the names first appear.
        var resolved: [Int32: (node: Int, written: WrittenForm)] = [:]
        resolved.reserveCapacity(readings.count)
        return zip(found, forms).map { mention, form in
            if let form, let known = resolved[form] {
                return ArticleMention(range: mention.range, name: mention.name, form: known.written, node: known.node)
            }
            guard let form, let place = chosen[form] else {
                let node = graph.node(named: mention.name, level: mention.level)
                return ArticleMention(range: mention.range, name: mention.name, form: .fullName, node: node)
            }
            let written: WrittenForm
            switch gazetteer.kind(ofForm: form) {
            case .fullName: written = .fullName
            case .suffixedShort: written = .suffixedShort
            case .bareShort: written = .bareShort
            }
            let node = graph.node(forPlace: place, gazetteer: gazetteer, context: context)
            resolved[form] = (node, written)
            return ArticleMention(range: mention.range, name: mention.name, form: written, node: node)
        }
    }

    /// Adds the bare stems of the article's townships as mentions of those townships.
    private static func addAliases(
        to mentions: [ArticleMention], text: [Unicode.Scalar], graph: PlaceGraph, candidates: CuePositions
    ) -> [ArticleMention] {
        let stems = TownshipAliases.stems(of: mentions, text: text, graph: graph)
        let found = TownshipAliases.occurrences(of: stems, in: text, outside: mentions, candidates: candidates)
        guard !found.isEmpty else { return mentions }
        var merged = mentions
        for occurrence in found {
            let stem = stems[occurrence.stem]
            merged.append(ArticleMention(range: occurrence.range, name: stem.name, form: .alias, node: stem.node))
        }
        merged.sort { $0.range.lowerBound < $1.range.lowerBound }
        return merged
    }

    /// Links places written as one name (贵州省黔南布依族苗族自治州三都水族自治县, 凤羽街道城南社区):
    /// a suffix-found place hangs under the place right before it, and a place right before a place
    /// inside it becomes a chain prefix. Returns the chains, as ranges of mention indices.
    private static func linkChains(_ mentions: inout [ArticleMention], text: [Unicode.Scalar], graph: inout PlaceGraph)
        -> [ClosedRange<Int>]
    {
        var chains: [ClosedRange<Int>] = []
        var chainStart = 0
        for index in mentions.indices {
            if index > 0 {
                let previous = mentions[index - 1]
                let gap = previous.range.upperBound..<mentions[index].range.lowerBound
                if gap.count <= 3, gap.allSatisfy({ RegionCues.chainGap.contains(text[$0].value) }) {
                    graph.attach(mentions[index].node, under: previous.node)
                    if previous.node != mentions[index].node, graph.isInside(mentions[index].node, previous.node) {
                        mentions[index - 1].isChainPrefix = true
                    }
                }
                if !mentions[index - 1].isChainPrefix {
                    chains.append(chainStart...(index - 1))
                    chainStart = index
                }
            }
        }
        if !mentions.isEmpty { chains.append(chainStart...(mentions.count - 1)) }
        return chains
    }

    /// Marks places that start a company's name (广州益善生物集团, 贵州丰收年电商科技有限公司).
    private static func markCompanies(_ mentions: inout [ArticleMention], text: [Unicode.Scalar]) {
        // Read once, not at every scalar after every mention.
        let stopScalars = RegionCues.companyStopScalars
        let wordStarts = RegionCues.companyWordStarts
        for index in mentions.indices where !mentions[index].isChainPrefix {
            var position = mentions[index].range.upperBound
            let limit = min(text.count, position + RegionCues.longestCompanyName)
            while position < limit, ScalarWords.isIdeograph(text[position]) {
                let value = text[position].value
                if stopScalars.contains(value) { break }
                if wordStarts.contains(value) {
                    if RegionCues.companyEnds.match(text, at: position) > 0 {
                        mentions[index].isOrganisation = true
                        break
                    }
                    if RegionCues.companyStoppers.match(text, at: position) > 0 { break }
                }
                position += 1
            }
        }
    }

    /// Marks the places where an event was held: 在 + place (chain) + … 召开/举办/举行 in the same
    /// clause (推介会在成都举办, 新闻发布会近日在兰州召开), and the places where another place keeps an
    /// office: place + 驻 + place + 办事处/招商队 (平远县驻广州招商队).
    private static func markVenues(_ mentions: inout [ArticleMention], text: [Unicode.Scalar]) {
        var chainStart = 0
        for index in mentions.indices {
            if index == 0 || !mentions[index - 1].isChainPrefix { chainStart = index }
            let first = mentions[chainStart].range.lowerBound
            // 平远县驻广州招商队: 广州 is where 平远县 keeps an office.
            if index > 0, first > 0, text[first - 1] == "驻", mentions[index - 1].range.upperBound == first - 1,
                RegionCues.officeWords.match(text, at: mentions[index].range.upperBound) > 0
            {
                for member in chainStart...index { mentions[member].isVenue = true }
                continue
            }
            guard first > 0, text[first - 1] == "在" else { continue }
            var position = mentions[index].range.upperBound
            let limit = min(text.count, position + RegionCues.venueReach)
            while position < limit, !ClauseBounds.isDelimiter(text[position]) {
                if RegionCues.eventVerbs.match(text, at: position) > 0 {
                    for member in chainStart...index { mentions[member].isVenue = true }
                    break
                }
                position += 1
            }
        }
    }

    /// Decides the article's helpers from the cue scores, then the divisions that only enclose a
    /// helper: 广州 when 黄埔区 helps and the article names no helped place in 广州 (but not when
    /// 荔湾区 helps 吕田镇, which is in 广州 too).
    private static func markDonorSide(mentions: [ArticleMention], graph: inout PlaceGraph) {
        var donors: [Int] = []
        for (index, node) in graph.nodes.enumerated()
        where node.donorScore >= RegionCues.donorThreshold && node.donorScore > node.recipientScore {
            donors.append(index)
            graph.markDonorSide(index)
        }
        guard !donors.isEmpty else { return }
        var enclosesDonor = [Bool](repeating: false, count: graph.nodes.count)
        for donor in donors {
            var current = graph.parent(of: donor)
            while let index = current {
                enclosesDonor[index] = true
                current = graph.parent(of: index)
            }
        }
        var enclosesOther = [Bool](repeating: false, count: graph.nodes.count)
        for mention in mentions where !mention.isChainPrefix && !mention.isOrganisation {
            guard !graph.nodes[mention.node].isDonorSide, !enclosesDonor[mention.node] else { continue }
            var current: Int? = mention.node
            while let index = current, !enclosesOther[index] {
                enclosesOther[index] = true
                current = graph.parent(of: index)
            }
        }
        for node in enclosesDonor.indices where enclosesDonor[node] && !enclosesOther[node] {
            graph.markDonorSide(node)
        }
    }

    /// The most specific place below province level that covers `RegionCues.focusShare` of the
    /// mentions (each counted for its place and every place enclosing it) and that the article
    /// writes itself.
    private static func focus(of nodes: [Int], graph: PlaceGraph) -> Int? {
        guard !nodes.isEmpty else { return nil }
        var counts = [Int](repeating: 0, count: graph.nodes.count)
        for node in nodes {
            var current: Int? = node
            while let index = current {
                counts[index] += 1
                current = graph.parent(of: index)
            }
        }
        let needed = RegionCues.focusShare * Double(nodes.count)
        // A place the article names as helped more than once (驻长布镇工作队, 为长布镇) needs less.
        let neededByHelped = RegionCues.helpedPlaceFocusShare * Double(nodes.count)
        var best: Int?
        for (index, node) in graph.nodes.enumerated() where node.name != nil {
            let isHelped = node.recipientScore >= RegionCues.donorThreshold && node.recipientScore > node.donorScore
            guard Double(counts[index]) >= (isHelped ? neededByHelped : needed) else { continue }
            if let current = best, graph.nodes[current].level >= node.level { continue }
            best = index
        }
        // The places the article says are helped (帮扶毕节, 驰援毕节、黔南), each a real part of it
        // (named twice or more, and a fifth of the mentions), are all what it is about: the focus is the smallest division holding them (贵州省), or
        // none when they lie in several provinces.
        var helped: [Int] = []
        for node in nodes where !helped.contains(node) {
            let place = graph.nodes[node]
            guard place.helpedScore > 0, !place.isDonorSide, counts[node] >= RegionCues.helpedFocusMentions,
                Double(counts[node]) >= RegionCues.helpedFocusShare * Double(nodes.count)
            else { continue }
            if let best, graph.isInside(node, best) || graph.isInside(best, node) { continue }
            helped.append(node)
        }
        let members = (best.map { [$0] } ?? []) + helped
        guard !helped.isEmpty, members.count >= 2 else { return best }
        return graph.smallestCommonAncestor(of: members)
    }
}
