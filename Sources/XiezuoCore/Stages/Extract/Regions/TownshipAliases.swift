/// Article-local short names of townships. The gazetteer never matches a township's short form
/// alone (新华, 城关, 大洞 are words), yet once an article names 吕田镇 or 大洞镇 it goes on with
/// 吕田农产品, 吕田茶叶, 大洞学校: within that article the bare stem is the township.
enum TownshipAliases {
    /// The stem → township-node pairs of the article's townships, from the mentions that name one
    /// in full (吕田镇 → 吕田, 凤羽街道 → 凤羽). Stems shorter than two scalars or in
    /// `RegionCues.aliasStopStems` are left out.
    static func stems(
        of mentions: [ArticleMention], text: [Unicode.Scalar], graph: PlaceGraph
    ) -> [(stem: [UInt32], name: String, node: Int)] {
        var found: [(stem: [UInt32], name: String, node: Int)] = []
        var seen: [Int] = []
        for mention in mentions where graph.nodes[mention.node].level == .township && mention.form != .alias {
            guard !seen.contains(mention.node) else { continue }
            seen.append(mention.node)
            let range = mention.range
            let suffix = RegionCues.townshipSuffixes.words.first { suffix in
                range.count >= suffix.count + 2 && ScalarWords.matches(text, at: range.upperBound - suffix.count, suffix)
            }
            guard let suffix else { continue }
            let stemScalars = text[range.lowerBound..<(range.upperBound - suffix.count)]
            let name = ScalarText.string(stemScalars)
            let stem = stemScalars.map(\.value)
            if !RegionCues.aliasStopStems.contains(name), !found.contains(where: { $0.stem == stem }) {
                found.append((stem, name, mention.node))
            }
        }
        return found
    }

    /// The ranges where a stem stands outside every existing mention, in text order, with the
    /// index of its stem. A stem is compared only where its first scalar stands, among
    /// `candidates` (which holds every such position).
    static func occurrences(
        of stems: [(stem: [UInt32], name: String, node: Int)], in text: [Unicode.Scalar], outside mentions: [ArticleMention],
        candidates: CuePositions
    ) -> [(range: Range<Int>, stem: Int)] {
        guard !stems.isEmpty else { return [] }
        // An article has a handful of townships: a linear look-up beats hashing.
        let firsts = stems.compactMap(\.stem.first)
        // One bit per `value & 63` of the first scalars: most scalars are turned away by it alone.
        let mask = firsts.reduce(UInt64(0)) { $0 | 1 << UInt64($1 & 63) }
        var found: [(range: Range<Int>, stem: Int)] = []
        // The gap between mentions that holds `position`: it ends where mention `next` starts and
        // begins where the mentions before `next` end (`covered`).
        var next = 0
        var covered = 0
        var position = 0
        for candidate in candidates.positions where candidate >= position {
            position = candidate
            while next < mentions.count, mentions[next].range.lowerBound <= position {
                covered = max(covered, mentions[next].range.upperBound)
                next += 1
            }
            guard position >= covered else { continue }
            let gapEnd = next < mentions.count ? mentions[next].range.lowerBound : text.count
            let value = text[position].value
            if mask & 1 << UInt64(value & 63) != 0, firsts.contains(value),
                let stem = stems.firstIndex(where: { position + $0.stem.count <= gapEnd && ScalarWords.matches(text, at: position, $0.stem) })
            {
                found.append((position..<(position + stems[stem].stem.count), stem))
                position += stems[stem].stem.count
            }
        }
        return found
    }
}
