/// Tells helpers ("donors") from helped places ("recipients") in an article, from the wording
/// around each place. A cooperation story names both sides, and its figures are about the helped
/// side: 在广州市黄埔区帮扶下…, 黄埔区充分利用协作资金…, 荔湾区携手结对帮扶地区…, 荔湾区联合龙里县…,
/// 来自荔湾区的广东珠江农业科技有限公司: 黄埔区 and 荔湾区 help; the figures are 三都县's or 吕田镇's.
///
/// Cues are read per chain of places written as one name (广州市黄埔区 is one chain, ending at
/// 黄埔区) and scored on the chain's last place: explicit helper wordings (在X…帮扶下, X携手,
/// X联合, X帮扶Y, X驻Y工作队, a kicker line) weigh `RegionCues.strongWeight`; wordings a helped
/// place may use too (X充分利用, X发挥, X所能, 来自X的, X与Y, X—Y) and every recipient wording
/// weigh `RegionCues.weakWeight`. A mention with a helper cue is never a figure's place; a place
/// whose helper score reaches `RegionCues.donorThreshold` and beats its recipient score is the
/// article's helper everywhere in it.
enum PlaceRoles {
    /// Scores every chain of `mentions` (chains are runs of `isChainPrefix` mentions plus the one
    /// they lead to) and marks helper mentions.
    static func score(text: [Unicode.Scalar], mentions: inout [ArticleMention], chains: [ClosedRange<Int>], graph: inout PlaceGraph) {
        let at = ("在" as Unicode.Scalar).value
        let of = ("的" as Unicode.Scalar).value
        for (index, chain) in chains.enumerated() {
            let first = mentions[chain.lowerBound].range.lowerBound
            let last = chain.upperBound
            let end = mentions[last].range.upperBound
            let node = mentions[last].node
            let nextStart = index + 1 < chains.count ? mentions[chains[index + 1].lowerBound].range.lowerBound : nil
            var helper = 0

            // 在 X (的) … 帮扶/支持/推动 … 下
            if first > 0, text[first - 1].value == at, isUnderHelp(text, from: end) {
                helper = max(helper, RegionCues.strongWeight)
            }
            // X (还) 携手 / 联合 …; X 充分利用 / 发挥 …, 发挥 X 所能
            var verbStart = end
            verbStart += RegionCues.adverbs.match(text, at: verbStart)
            if RegionCues.helperVerbs.match(text, at: verbStart) > 0 {
                helper = max(helper, RegionCues.strongWeight)
            } else if RegionCues.resourceVerbs.match(text, at: verbStart) > 0 {
                helper = max(helper, RegionCues.weakWeight)
            }
            // X 驻 Y … 工作队
            let station = RegionCues.station.match(text, at: end)
            if station > 0, index + 1 < chains.count, nextStart == end + station,
                isStationTeam(text, from: mentions[chains[index + 1].upperBound].range.upperBound)
            {
                helper = max(helper, RegionCues.strongWeight)
                graph.link(node, helping: mentions[chains[index + 1].upperBound].node)
            }
            // X 帮扶 / 对口支援 … Y
            let helping = RegionCues.helpingVerbs.match(text, at: verbStart)
            if helping > 0, nextStart == verbStart + helping {
                helper = max(helper, RegionCues.strongWeight)
                graph.link(node, helping: mentions[chains[index + 1].upperBound].node)
            }
            // 来自 X 的
            if RegionCues.origin.matchEnding(text, before: first) > 0, end < text.count, text[end].value == of {
                helper = max(helper, RegionCues.weakWeight)
            }
            // X 与 Y, X—Y
            if let nextStart {
                let separator = RegionCues.pairSeparators.match(text, at: end)
                if separator > 0, nextStart == end + separator {
                    helper = max(helper, RegionCues.weakWeight)
                    graph.link(node, helping: mentions[chains[index + 1].upperBound].node)
                    markRecipients(from: index + 1, helped: false, mentions: mentions, chains: chains, text: text, graph: &graph)
                }
            }
            // A kicker line naming the helper of a newspaper series: 广州市荔湾区:
            if isKicker(text, from: first, to: end) {
                helper = max(helper, RegionCues.strongWeight)
            }
            if helper > 0 {
                graph.addDonorScore(helper, to: node)
                for member in chain {
                    mentions[member].isDonorRole = true
                    mentions[member].donorWeight = helper
                }
            }
            // 帮扶 / 向 / 落地 / 驻 … X (、Y 和 Z)
            if RegionCues.recipientCues.matchEnding(text, before: first) > 0 {
                let helped = RegionCues.helpedCues.matchEnding(text, before: first) > 0
                markRecipients(from: index, helped: helped, mentions: mentions, chains: chains, text: text, graph: &graph)
            }
        }
    }

    /// Adds a recipient cue to chain `index` and to the chains listed right after it (联合龙里县、
    /// 惠水县: both are helped); `helped` when the cue is a wording of help (see `PlaceNode.helpedScore`).
    private static func markRecipients(
        from index: Int, helped: Bool, mentions: [ArticleMention], chains: [ClosedRange<Int>], text: [Unicode.Scalar],
        graph: inout PlaceGraph
    ) {
        var current = index
        while current < chains.count {
            graph.addRecipientScore(RegionCues.weakWeight, to: mentions[chains[current].upperBound].node)
            if helped { graph.addHelpedScore(RegionCues.weakWeight, to: mentions[chains[current].upperBound].node) }
            guard current + 1 < chains.count else { return }
            let end = mentions[chains[current].upperBound].range.upperBound
            let joiner = RegionCues.listJoiners.match(text, at: end)
            guard joiner > 0, mentions[chains[current + 1].lowerBound].range.lowerBound == end + joiner else { return }
            current += 1
        }
    }

    /// Whether a team word (工作队, 帮镇扶村…) follows within a few scalars of one clause.
    private static func isStationTeam(_ text: [Unicode.Scalar], from start: Int) -> Bool {
        var position = start
        let limit = min(text.count, start + RegionCues.stationReach)
        while position < limit, !clauseEnds.contains(text[position].value) {
            if RegionCues.stationTeams.match(text, at: position) > 0 { return true }
            position += 1
        }
        return false
    }

    /// Whether 在 X is followed by (的) … help word … 下 within one clause: 在荔湾区的支持和推动下.
    private static func isUnderHelp(_ text: [Unicode.Scalar], from start: Int) -> Bool {
        let below = ("下" as Unicode.Scalar).value
        var position = start
        let limit = min(text.count, start + RegionCues.helpClauseReach)
        while position < limit {
            let scalar = text[position]
            if Self.clauseEnds.contains(scalar.value) { return false }
            if scalar.value == below {
                return RegionCues.helpWords.occurs(in: text, start..<position)
            }
            position += 1
        }
        return false
    }

    /// Whether the chain is alone on its line, followed by a colon: a newspaper series' kicker.
    private static func isKicker(_ text: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        guard start == 0 || text[start - 1] == "\n" else { return false }
        var position = end
        while position < text.count, text[position] == " " || text[position] == "\u{3000}" { position += 1 }
        guard position < text.count, text[position] == ":" || text[position] == "：" else { return false }
        position += 1
        while position < text.count, text[position] == " " || text[position] == "\u{3000}" { position += 1 }
        return position == text.count || text[position] == "\n"
    }

    /// What ends a clause for the 在…下 cue (quotes do not: 在广东省“百千万工程”指挥办的指导下).
    private static let clauseEnds = ScalarBitmap("，,。；;：:！？!?\n".unicodeScalars.map(\.value))
}
