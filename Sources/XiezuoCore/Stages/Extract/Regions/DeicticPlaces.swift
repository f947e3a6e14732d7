/// 全省, 我市, 本县: the article's own province, city or county, named by the level alone. A
/// province-wide total (全省…累计带动帮扶地区农产品销售额达43.9亿元) belongs to the province, not to
/// the helped areas the sentence goes on to name. 该镇, 该县, 该市 name the place of that kind
/// written last before them.
enum DeicticPlaces {
    /// Each word with the level it names.
    static let words: [(word: [UInt32], level: PlaceLevel)] = [
        ("全省", PlaceLevel.province), ("我省", .province), ("本省", .province), ("全市", .prefecture), ("我市", .prefecture),
        ("本市", .prefecture), ("全州", .prefecture), ("全盟", .prefecture), ("全县", .county), ("我县", .county), ("本县", .county),
    ].map { ($0.0.unicodeScalars.map(\.value), $0.1) }

    /// 该镇, 该县, 该市: the place of that kind written last before it (…来到黄坛镇，为该镇…).
    static let anaphora: [(word: [UInt32], suffix: Unicode.Scalar)] = [
        ("该镇", "镇" as Unicode.Scalar), ("该乡", "乡"), ("该县", "县"), ("该市", "市"), ("该州", "州"), ("该旗", "旗"),
    ].map { ($0.0.unicodeScalars.map(\.value), $0.1) }

    /// The first scalars of the words.
    static let firstValues = words.compactMap(\.word.first) + anaphora.compactMap(\.word.first)
    private static let firsts = ScalarBitmap(firstValues)

    /// Mentions for the words outside `mentions`, each standing for the place it names: the one
    /// place at that level holding the article's places (helpers included: 我市 is the writer's
    /// city, whichever side it is on), else the one holding the focus. None where that is unclear.
    /// Only `candidates` are looked at (they hold every position where a word starts).
    static func mentions(
        in text: [Unicode.Scalar], outside mentions: [ArticleMention], focus: Int?, graph: PlaceGraph, candidates: CuePositions
    ) -> [ArticleMention] {
        var found: [ArticleMention] = []
        var resolved: [PlaceLevel: Int?] = [:]
        // Read once: a static read at every scalar goes through its lazy initialiser's check.
        let firsts = Self.firsts
        var next = 0
        var position = 0
        for candidate in candidates.positions where candidate >= position {
            position = candidate
            guard position + 1 < text.count else { break }
            // The mentions are looked at only where a word may start.
            guard firsts.contains(text[position].value) else { continue }
            while next < mentions.count, mentions[next].range.upperBound <= position { next += 1 }
            if next < mentions.count, mentions[next].range.contains(position) {
                position = mentions[next].range.upperBound
                continue
            }
            if let entry = anaphora.first(where: { ScalarWords.matches(text, at: position, $0.word) }) {
                let range = position..<(position + entry.word.count)
                if let antecedent = mentions[..<next].last(where: { !$0.isOrganisation && $0.name.unicodeScalars.last == entry.suffix }) {
                    var mention = ArticleMention(range: range, name: ScalarText.string(text[range]), form: .alias, node: antecedent.node)
                    mention.isDeictic = true
                    found.append(mention)
                }
                position = range.upperBound
                continue
            }
            guard let entry = words.first(where: { ScalarWords.matches(text, at: position, $0.word) }) else { continue }
            if resolved[entry.level] == nil {
                resolved[entry.level] = place(at: entry.level, mentions: mentions, focus: focus, graph: graph)
            }
            if let node = resolved[entry.level] ?? nil {
                let range = position..<(position + entry.word.count)
                var mention = ArticleMention(range: range, name: ScalarText.string(text[range]), form: .alias, node: node)
                mention.isDeictic = true
                found.append(mention)
            }
            position += entry.word.count
        }
        return found
    }

    private static func place(at level: PlaceLevel, mentions: [ArticleMention], focus: Int?, graph: PlaceGraph) -> Int? {
        var seen: [Int] = []
        for mention in mentions where !mention.isOrganisation {
            if let node = ancestor(of: mention.node, at: level, graph: graph), !seen.contains(node) { seen.append(node) }
        }
        if seen.count == 1 { return seen[0] }
        return focus.flatMap { ancestor(of: $0, at: level, graph: graph) }
    }

    /// `node` or the place enclosing it at `level`, if any.
    private static func ancestor(of node: Int, at level: PlaceLevel, graph: PlaceGraph) -> Int? {
        var current: Int? = node
        var steps = 0
        while let index = current, steps <= PlaceLevel.allCases.count {
            if graph.nodes[index].level == level { return index }
            if graph.nodes[index].level < level { return nil }
            current = graph.parent(of: index)
            steps += 1
        }
        return nil
    }
}
