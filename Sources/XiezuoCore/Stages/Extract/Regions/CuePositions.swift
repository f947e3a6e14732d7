/// The positions of an article's text where one of the place scans after the gazetteer's may act:
/// where an unnamed-place phrase (各地, 13个合作城市) or a deictic word (全省, 该县) starts, where 援, a
/// province's abbreviation (粤, 沪) or the first character of one of the article's places (a
/// township's bare stem, a pairing name such as 广清) stands, and every scalar beyond the Basic
/// Multilingual Plane. Found in one pass over the text, so that the scans of `UnnamedPlaces`,
/// `DeicticPlaces`, `TownshipAliases` and `PairingRoles` visit these few positions instead of
/// walking every scalar of the article each.
struct CuePositions: Sendable {
    /// In ascending order.
    let positions: [Int]

    /// The positions for an article whose gazetteer mentions (before any other scan adds to them)
    /// are `mentions`, of article places `graph`.
    init(text: [Unicode.Scalar], mentions: [ArticleMention], graph: PlaceGraph, gazetteer: Gazetteer) {
        var firsts = Self.fixedFirsts
        for value in gazetteer.pairs.abbreviationValues { firsts.insert(value) }
        // A place's initial is read once per node, not once per mention of it.
        var initialRead = [Bool](repeating: false, count: graph.nodes.count)
        for mention in mentions {
            if mention.range.lowerBound < text.count { firsts.insert(text[mention.range.lowerBound].value) }
            guard !initialRead[mention.node] else { continue }
            initialRead[mention.node] = true
            if let id = graph.nodes[mention.node].place, let initial = gazetteer.initial(ofPlace: id) { firsts.insert(initial.value) }
        }
        var positions: [Int] = []
        text.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let value = buffer[index].value
                if value >= 0x10000 || firsts.contains(value) { positions.append(index) }
            }
        }
        self.positions = positions
    }

    /// What starts a cue in every article: the unnamed-place and deictic words, and 援.
    private static let fixedFirsts: ScalarBitmap = {
        var firsts = UnnamedPlaces.firsts
        for value in DeicticPlaces.firstValues { firsts.insert(value) }
        firsts.insert(("援" as Unicode.Scalar).value)
        return firsts
    }()
}
