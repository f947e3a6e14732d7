/// De-spinning, the last text step of clean: puts back the words a content farm's synonym
/// spinner replaced (年夜 → 大, 村平易近 → 村民, 生齿 → 人口), using `DespinTable`.
///
/// The rule: the table is applied only to an article that looks spun, meaning that at least
/// `clean.despin_min_markers` (3) *different* markers from `clean.despin_markers` occur in it.
/// Markers are spinner artefacts that ordinary prose practically never contains (平易近, 年夜,
/// 生齿, 若何, 一起配合, 感触感染, 不受拘束, 设置装备摆设 …); the two that are real words (平易近人,
/// 年夜饭) can at most add two, so an ordinary article never reaches three and is never touched.
/// In a spun article the table is applied in one left-to-right pass, longest match first, so a
/// phrase with context (居平易近支出 → 居民收入) wins over its parts, and a guard entry (年夜饭 →
/// 年夜饭) keeps a real word.
struct Despinner: Sendable {
    let table: DespinTable
    private let markers: ScalarTrie
    private let minMarkers: Int

    init(table: DespinTable, markers: [[Unicode.Scalar]], minMarkers: Int) {
        self.table = table
        self.markers = ScalarTrie(markers)
        self.minMarkers = minMarkers
    }

    /// Whether `text` holds at least `minMarkers` different markers (always, when it is 0).
    func isSpun(_ text: [Unicode.Scalar]) -> Bool {
        guard minMarkers > 0 else { return true }
        guard !markers.isEmpty else { return false }
        var seen = [Bool](repeating: false, count: markers.count)
        var distinct = 0
        var index = 0
        let count = text.count
        while index < count {
            index = markers.nextCandidate(in: text, from: index)
            guard index < count, let match = markers.longestMatch(in: text, at: index) else {
                index += 1
                continue
            }
            if !seen[match.word] {
                seen[match.word] = true
                distinct += 1
                if distinct >= minMarkers { return true }
            }
            index += match.length
        }
        return false
    }

    /// `text` with every table phrase replaced, or nil when none occurs.
    func despun(_ text: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let trie = table.trie
        var output: [Unicode.Scalar] = []
        var copied = 0
        var index = 0
        let count = text.count
        while index < count {
            guard trie.mayStart(text[index]), let match = trie.longestMatch(in: text, at: index) else {
                index += 1
                continue
            }
            if output.isEmpty { output.reserveCapacity(count) }
            output += text[copied..<index]
            output += table.original[match.word]
            index += match.length
            copied = index
        }
        guard copied > 0 else { return nil }
        output += text[copied...]
        return output
    }
}
