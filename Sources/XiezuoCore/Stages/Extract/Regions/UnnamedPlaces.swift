/// Places a text refers to without naming them, as a group: 13个国内合作城市, 西部协作省份, 帮扶
/// 地区, 各地. When such a phrase is the nearest place before a figure, the figure is about several
/// places at once (东部省份采购、帮助销售西部协作省份…约12.1亿元) and belongs to none of them.
enum UnnamedPlaces {
    /// The ranges of such phrases in `text`, in order. The noun lists are checked only where
    /// their first scalar stands, among `candidates` (which holds every such position).
    static func ranges(in text: [Unicode.Scalar], candidates: CuePositions) -> [Range<Int>] {
        // The lists are read once: a static read at every candidate goes through its lazy
        // initialiser's check.
        let firsts = Self.firsts
        let words = RegionCues.unnamedPlaceWords
        let nouns = RegionCues.unnamedPlaceNouns
        let qualifiers = RegionCues.unnamedPlaceQualifiers
        let counter = ("个" as Unicode.Scalar).value
        var found: [Range<Int>] = []
        var position = 0
        for candidate in candidates.positions where candidate >= position {
            position = candidate
            guard firsts.contains(text[position].value) else { continue }
            let word = words.match(text, at: position)
            if word > 0 {
                found.append(position..<(position + word))
                position += word
                continue
            }
            let noun = nouns.match(text, at: position)
            if noun > 0 {
                let qualifier = qualifiers.matchEnding(text, before: position)
                var counted = false
                var back = position - 1
                while back > 0, back >= position - RegionCues.countedNounReach, ScalarWords.isIdeograph(text[back]) {
                    if text[back].value == counter {
                        counted = isPluralNumber(text[back - 1])
                        break
                    }
                    back -= 1
                }
                if qualifier > 0 || counted {
                    found.append((position - qualifier)..<(position + noun))
                    position += noun
                    continue
                }
            }
        }
        return found
    }

    static let firsts = ScalarBitmap(
        RegionCues.unnamedPlaceNouns.words.compactMap(\.first) + RegionCues.unnamedPlaceWords.words.compactMap(\.first))

    /// Whether a number before 个 makes the noun plural: digits and numerals other than 一 (一个城市
    /// and 这个城市 are one place).
    private static func isPluralNumber(_ scalar: Unicode.Scalar) -> Bool {
        if ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar) { return true }
        return "两二三四五六七八九十百千几多数".unicodeScalars.contains(scalar)
    }
}
