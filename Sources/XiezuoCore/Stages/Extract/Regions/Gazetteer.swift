/// China's administrative divisions (Resources/regions.csv, derived from jionlp's data by
/// scripts/derive_regions.py; see docs/data-sources.md) and the scanner that finds them in text,
/// so that every fact can name the place its figure is about.
///
/// What is matched, longest first, left to right, without overlap:
/// - full official names at every level (三都水族自治县, 广州市, 吕田镇, 凤羽街道);
/// - autonomous divisions' short form plus their level's plain suffix (三都县, 黔南州, 富川县);
/// - short forms alone for provinces, prefectures and counties (广州, 三都, 汕尾), unless they are
///   ordinary words (see `PlaceStopLists`); townships' short forms are too often ordinary words
///   (新华, 城关, 解放) and are never matched alone;
/// - villages, communities and subdistricts by suffix (see `SuffixPlaceMatcher`).
/// The mention's `name` is always the text as written (see `PlaceMention.name`); an ambiguous
/// form reports its most senior level (吉林 is the province, 吉林市 the prefecture).
public struct Gazetteer: Sendable {
    /// The header regions.csv must have, as documented in docs/data-sources.md.
    static let header = ["name", "short", "level", "parent", "adcode"]

    let trie: PlaceTrie
    /// Per surface form (the trie's payload, in the order of their texts): the text, its level
    /// and how it was derived.
    let formTexts: StringTable
    let formLevels: [PlaceLevel]
    let formKinds: [SurfaceKind]
    /// The continuations that make a form another word (中山 + 大学), for the few forms that have
    /// any (see `SurfaceForm.badContinuations`).
    let formContinuations: [Int32: [[UInt32]]]
    let suffixMatcher: SuffixPlaceMatcher
    let shortContinuations: [[UInt32]]
    let overlappingWords: [[UInt32]]
    let precedingWords: [[UInt32]]
    let geographicFeatures: Set<UInt32>
    let township: UInt32
    let countryside: UInt32
    let village: UInt32
    let rowCounts: [Int]
    /// Every regions.csv row, in file order (a row's index is its id): its name, short form,
    /// adcode, level and parent rows (see `GazetteerPlace`).
    let placeNames: StringTable
    let placeShorts: StringTable
    let placeCodes: StringTable
    let placeLevels: [PlaceLevel]
    let placeParents: FlatLists<Int32>
    /// Every row's enclosing rows through all its parents, flattened: row `id`'s are
    /// `ancestorIDs[ancestorStarts[id]..<ancestorStarts[id + 1]]`. Precomputed once so that region
    /// resolution never walks or allocates per article.
    let ancestorStarts: [Int32]
    let ancestorIDs: [Int32]
    /// Per surface form, the rows its text can denote, the reading whose
    /// level the scanner reports first: 三都 → 三都水族自治县; 朝阳 → the Beijing district and the
    /// Liaoning city.
    let formPlaces: FlatLists<Int32>
    /// Province abbreviations and the programmes' official pairings (see `CooperationPairs`).
    let pairs: CooperationPairs

    /// Builds the gazetteer from regions.csv's records, header first, with the records of
    /// region-aliases.csv (`alias,name,parent`: 察右前旗 for 察哈尔右翼前旗), province-abbreviations.csv
    /// and pairings.csv (see `CooperationPairs`); an empty list leaves that table out.
    public init(
        records: [[String?]], aliases: [[String?]] = [], abbreviations: [[String?]] = [], pairings: [[String?]] = []
    ) throws(GazetteerError) {
        guard let headerRecord = records.first else {
            throw GazetteerError(message: "regions.csv is empty: expected the header \(Self.header.joined(separator: ","))")
        }
        let found = headerRecord.map { $0 ?? "" }
        guard found == Self.header else {
            throw GazetteerError(
                message: "regions.csv: expected the header \(Self.header.joined(separator: ",")), found \(found.joined(separator: ","))")
        }

        var counts = [Int](repeating: 0, count: PlaceLevel.allCases.count)
        var best: [String: SurfaceForm] = [:]
        var readings: [String: [(row: Int32, form: SurfaceForm)]] = [:]
        var rows: [GazetteerPlace] = []
        var parentNames: [String?] = []
        var adcodes: [String?] = []
        func offer(_ form: SurfaceForm, row: Int32? = nil) {
            readings[form.text, default: []].append((row ?? Int32(rows.count - 1), form))
            if let current = best[form.text], !form.outranks(current) { return }
            best[form.text] = form
        }
        for (offset, record) in records.enumerated().dropFirst() {
            let number = offset + 1
            guard record.count == Self.header.count else {
                throw GazetteerError(message: "regions.csv: record \(number): expected \(Self.header.count) fields, found \(record.count)")
            }
            guard let name = record[0], !name.isEmpty else {
                throw GazetteerError(message: "regions.csv: record \(number): the name is empty")
            }
            guard let levelText = record[2], let level = PlaceLevel(csvValue: levelText), level != .village else {
                throw GazetteerError(message: "regions.csv: record \(number): unknown level \"\(record[2] ?? "")\"")
            }
            counts[level.rawValue] += 1
            rows.append(
                GazetteerPlace(
                    name: name, short: record[1].flatMap { $0.isEmpty ? nil : $0 }, level: level, parents: [],
                    code: record[4].flatMap { $0.isEmpty ? nil : $0 }))
            parentNames.append(record[3])
            adcodes.append(record[4])
            if Self.matchesFullName(name, level: level) {
                offer(SurfaceForm(text: name, level: level, kind: .fullName, badContinuations: []))
            }
            guard let short = record[1], !short.isEmpty, !PlaceStopLists.shortForms.contains(short) else { continue }
            if level <= .county {
                let continuations = (PlaceStopLists.shortContinuationsByShort[short] ?? []).map(PlaceStopLists.values)
                offer(SurfaceForm(text: short, level: level, kind: .bareShort, badContinuations: continuations))
            }
            if let suffix = Self.plainSuffix(of: name), short + suffix != name {
                offer(SurfaceForm(text: short + suffix, level: level, kind: .suffixedShort, badContinuations: []))
            }
        }
        GazetteerPlace.linkParents(&rows, parentNames: parentNames, adcodes: adcodes)
        for (number, alias, row) in try Self.aliasRows(aliases, places: rows, parentNames: parentNames) {
            guard best[alias] == nil else {
                throw GazetteerError(message: "region-aliases.csv: record \(number): \(alias) is already a name or short form")
            }
            offer(SurfaceForm(text: alias, level: rows[Int(row)].level, kind: .suffixedShort, badContinuations: []), row: row)
        }
        var provinceIDs: [String: Int32] = [:]
        for (index, row) in rows.enumerated() where row.level == .province { provinceIDs[row.name] = Int32(index) }
        let pairs = try CooperationPairs(abbreviations: abbreviations, pairings: pairings) { provinceIDs[$0] }
        let (ancestorStarts, ancestorIDs) = GazetteerPlace.flattenAncestors(rows)

        let ordered = Self.sortedByText(Array(best.values))
        let formPlaces = ordered.map { form in
            (readings[form.text] ?? [])
                .sorted { left, right in
                    if left.form.kind != right.form.kind { return left.form.kind < right.form.kind }
                    if left.form.level != right.form.level { return left.form.level < right.form.level }
                    return left.row < right.row
                }
                .map(\.row)
        }
        var continuations: [Int32: [[UInt32]]] = [:]
        for (index, form) in ordered.enumerated() where !form.badContinuations.isEmpty {
            continuations[Int32(index)] = form.badContinuations
        }
        self.init(
            trie: PlaceTrie(words: ordered.enumerated().map { (PlaceStopLists.values($0.element.text), Int32($0.offset)) }),
            formTexts: StringTable(ordered.map(\.text)), formLevels: ordered.map(\.level), formKinds: ordered.map(\.kind),
            formContinuations: continuations, formPlaces: FlatLists(formPlaces),
            placeNames: StringTable(rows.map(\.name)), placeShorts: StringTable(rows.map(\.short)),
            placeCodes: StringTable(rows.map(\.code)), placeLevels: rows.map(\.level), placeParents: FlatLists(rows.map(\.parents)),
            ancestorStarts: ancestorStarts, ancestorIDs: ancestorIDs, pairs: pairs, rowCounts: counts)
    }

    /// A gazetteer of tables already built: from the CSV files (above) or from a compiled image
    /// (`init(image:sourceHash:)`). The stop lists are the code's own and are set here.
    init(
        trie: PlaceTrie, formTexts: StringTable, formLevels: [PlaceLevel], formKinds: [SurfaceKind],
        formContinuations: [Int32: [[UInt32]]], formPlaces: FlatLists<Int32>, placeNames: StringTable, placeShorts: StringTable,
        placeCodes: StringTable, placeLevels: [PlaceLevel], placeParents: FlatLists<Int32>, ancestorStarts: [Int32],
        ancestorIDs: [Int32], pairs: CooperationPairs, rowCounts: [Int]
    ) {
        self.trie = trie
        self.formTexts = formTexts
        self.formLevels = formLevels
        self.formKinds = formKinds
        self.formContinuations = formContinuations
        self.formPlaces = formPlaces
        self.placeNames = placeNames
        self.placeShorts = placeShorts
        self.placeCodes = placeCodes
        self.placeLevels = placeLevels
        self.placeParents = placeParents
        self.ancestorStarts = ancestorStarts
        self.ancestorIDs = ancestorIDs
        self.pairs = pairs
        self.rowCounts = rowCounts
        suffixMatcher = SuffixPlaceMatcher()
        shortContinuations = PlaceStopLists.shortContinuations.map(PlaceStopLists.values)
        overlappingWords = PlaceStopLists.overlappingWords.map(PlaceStopLists.values)
        precedingWords = PlaceStopLists.precedingWords.map(PlaceStopLists.values)
        geographicFeatures = Set(PlaceStopLists.values(PlaceStopLists.geographicFeatures))
        township = ("镇" as Unicode.Scalar).value
        countryside = ("乡" as Unicode.Scalar).value
        village = ("村" as Unicode.Scalar).value
    }

    /// `forms` in `String` order of their texts. Swift orders strings by their NFC scalars; for
    /// texts of ASCII and CJK ideographs only (which NFC leaves as they are, as in regions.csv)
    /// that is plain scalar order, compared without the normalising `String` comparison, which
    /// took a sixth of the gazetteer's load time. Other texts are sorted as strings.
    private static func sortedByText(_ forms: [SurfaceForm]) -> [SurfaceForm] {
        let keys = forms.map { PlaceStopLists.values($0.text) }
        let inert = keys.allSatisfy { key in
            key.allSatisfy { $0 < 0x80 || (0x3400...0x4DBF).contains($0) || (0x4E00...0x9FFF).contains($0) }
        }
        guard inert else { return forms.sorted { $0.text < $1.text } }
        return keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }.map { forms[$0] }
    }

    /// region-aliases.csv's records as (record number, alias, row of the place it names). An alias
    /// is a written form of one division, found by name and parent, like a suffixed short form.
    private static func aliasRows(
        _ records: [[String?]], places: [GazetteerPlace], parentNames: [String?]
    ) throws(GazetteerError) -> [(Int, String, Int32)] {
        guard let header = records.first else { return [] }
        guard header.map({ $0 ?? "" }) == ["alias", "name", "parent"] else {
            throw GazetteerError(message: "region-aliases.csv: expected the header alias,name,parent")
        }
        let named = Set(records.dropFirst().compactMap { $0.count == 3 ? $0[1] : nil })
        var rowsByName: [String: [Int]] = [:]
        for (index, place) in places.enumerated() where named.contains(place.name) { rowsByName[place.name, default: []].append(index) }
        var found: [(Int, String, Int32)] = []
        for (offset, record) in records.enumerated().dropFirst() {
            guard record.count == 3, let alias = record[0], alias.unicodeScalars.count >= 3, let name = record[1],
                let row = rowsByName[name]?.first(where: { parentNames[$0] == record[2] })
            else {
                throw GazetteerError(
                    message: "region-aliases.csv: record \(offset + 1): expected an alias of three characters or more and the name and parent of a regions.csv row")
            }
            found.append((offset + 1, alias, Int32(row)))
        }
        return found
    }

    /// Whether a full name is matched at all: not an ordinary word, and not a two-scalar township
    /// (口镇, 新镇) other than the famous ones.
    private static func matchesFullName(_ name: String, level: PlaceLevel) -> Bool {
        if PlaceStopLists.fullNames.contains(name) { return false }
        if level == .township && name.unicodeScalars.count < 3 {
            return PlaceStopLists.twoScalarTownships.contains(name)
        }
        return true
    }

    /// The plain suffix written after an autonomous division's short form: 三都水族自治县 is
    /// written 三都县, 黔南布依族苗族自治州 黔南州. Other divisions' short form plus suffix is their
    /// full name already (广州 + 市).
    private static func plainSuffix(of name: String) -> String? {
        // Every suffix ends in one of these, and nothing else is canonically equivalent to them,
        // so most names are settled by their last scalar without `hasSuffix`'s grapheme walk.
        switch name.unicodeScalars.last {
        case "县", "州", "旗", "木", "乡": break
        default: return nil
        }
        if name.hasSuffix("自治县") { return "县" }
        if name.hasSuffix("自治州") { return "州" }
        if name.hasSuffix("自治旗") { return "旗" }
        if name.hasSuffix("民族苏木") { return "苏木" }
        if name.hasSuffix("族乡") { return "乡" }
        return nil
    }

    /// The regions.csv rows that a mention's text can denote (its surface form's readings), the
    /// reading the scanner reported first; empty for villages, communities and subdistricts found
    /// by their suffix only.
    func places(named name: ArraySlice<Unicode.Scalar>) -> [Int32] {
        surfaceForm(of: name).map(places(ofForm:)) ?? []
    }

    /// The index of the surface form written `name`, if the gazetteer has one: a cheap key for the
    /// name (a trie walk), so that per-article work never hashes strings.
    func surfaceForm(of name: ArraySlice<Unicode.Scalar>) -> Int32? {
        name.withUnsafeBufferPointer { buffer in trie.payload(of: buffer[...]) }
    }

    /// How surface form `form` was derived (official name, suffixed short form, bare short form).
    func kind(ofForm form: Int32) -> SurfaceKind {
        formKinds[Int(form)]
    }

    /// The regions.csv rows surface form `form` can denote, the scanner's reading first.
    func places(ofForm form: Int32) -> [Int32] {
        Array(formPlaces[Int(form)])
    }

    /// The regions.csv row with index `id`, as returned by `places(named:)`.
    func place(_ id: Int32) -> GazetteerPlace {
        GazetteerPlace(
            name: placeNames.string(at: Int(id)), short: placeShorts[Int(id)], level: placeLevels[Int(id)],
            parents: Array(placeParents[Int(id)]), code: placeCodes[Int(id)])
    }

    /// The official name of row `id`, without copying the rest of the row.
    func name(ofPlace id: Int32) -> String {
        placeNames.string(at: Int(id))
    }

    /// The first scalar of row `id`'s official name (广 for 广州市), without making the name.
    func initial(ofPlace id: Int32) -> Unicode.Scalar? {
        placeNames.firstScalar(at: Int(id))
    }

    /// The adcode of row `id`, if it has one, without copying the rest of the row.
    func code(ofPlace id: Int32) -> String? {
        placeCodes[Int(id)]
    }

    /// How many regions.csv rows there are.
    var rowCount: Int { placeLevels.count }

    /// The level of row `id`, without copying the row.
    func level(ofPlace id: Int32) -> PlaceLevel {
        placeLevels[Int(id)]
    }

    /// Every row enclosing row `id`, through all its parents (a township whose county name is
    /// shared has each namesake county and its ancestors).
    func ancestors(ofPlace id: Int32) -> ArraySlice<Int32> {
        ancestorIDs[Int(ancestorStarts[Int(id)])..<Int(ancestorStarts[Int(id) + 1])]
    }

    /// The rows enclosing row `id` (see `GazetteerPlace.parents`), without copying the row.
    func parents(ofPlace id: Int32) -> ArraySlice<Int32> {
        placeParents[Int(id)]
    }

    /// How many regions.csv rows are at `level` (none are villages).
    public func placeCount(at level: PlaceLevel) -> Int {
        rowCounts[level.rawValue]
    }

    /// Place mentions in `text`, left to right, non-overlapping, longest match first.
    public func mentions(in text: [Unicode.Scalar]) -> [PlaceMention] {
        let capacity = trie.longestName + 1
        return text.withUnsafeBufferPointer { buffer in
            withUnsafeTemporaryAllocation(of: TrieHit.self, capacity: capacity) { hits in
                withUnsafeTemporaryAllocation(of: TrieHit.self, capacity: capacity) { scratch in
                    scan(buffer, hits: hits, scratch: scratch)
                }
            }
        }
    }

    /// The scan behind `mentions(in:)`, with two buffers of `longestName + 1` hits that it reuses
    /// at every position instead of allocating.
    private func scan(
        _ buffer: UnsafeBufferPointer<Unicode.Scalar>, hits: UnsafeMutableBufferPointer<TrieHit>,
        scratch: UnsafeMutableBufferPointer<TrieHit>
    ) -> [PlaceMention] {
        var found: [PlaceMention] = []
        var position = 0
        var lastEnd = 0
        let count = buffer.count
        // The first suffix scalar (村, 社, 居, 街) at or after `position + 2`, found once per scalar
        // rather than looked for again at every position; a suffix place needs one within
        // `position + 2 ... position + 4`.
        var nextSuffix = 0
        while position < count {
            // Where no name may start and no suffix is within reach (most positions), nothing is
            // found and nothing is learnt: pass over them in a tight loop. `nextSuffix` stays
            // the first suffix scalar at or after `position + 2` all along.
            while position < count, nextSuffix > position + 4, !trie.mayStartName(in: buffer, at: position) {
                position += 1
            }
            guard position < count else { break }
            if nextSuffix < position + 2 {
                nextSuffix = position + 2
                while nextSuffix < count, !suffixMatcher.startsSuffix(buffer[nextSuffix].value) { nextSuffix += 1 }
            }
            var length = 0
            var form: Int32 = -1
            var wordEnd = 0
            if trie.mayStartName(in: buffer, at: position) {
                var index = trie.matches(in: buffer, at: position, into: hits) - 1
                while index >= 0 {
                    let hit = hits[index]
                    var partOfWord = false
                    if accepts(hit, in: buffer, at: position, scratch: scratch, partOfWord: &partOfWord) {
                        length = hit.length
                        form = hit.form
                        break
                    }
                    if partOfWord { wordEnd = max(wordEnd, position + hit.length) }
                    index -= 1
                }
            }
            // A village named after a place (龙岩村) beats the place; a longer stem that merely
            // starts with a place (惠水长征村) does not: the place is taken, and the village is
            // tried again right after it.
            if nextSuffix <= position + 4,
                let suffixed = suffixMatcher.match(in: buffer, at: position, afterPlace: position == lastEnd),
                suffixed.level != .township || !isSenior(buffer[position..<(position + suffixed.stemLength)]),
                suffixed.length > length, length == 0 || suffixed.stemLength <= length
            {
                let range = position..<(position + suffixed.length)
                found.append(PlaceMention(range: range, name: Self.string(buffer[range]), level: suffixed.level))
                position = range.upperBound
                lastEnd = position
            } else if form >= 0 {
                found.append(
                    PlaceMention(
                        range: position..<(position + length), name: formTexts.string(at: Int(form)), level: formLevels[Int(form)]))
                position += length
                lastEnd = position
            } else {
                // A short form rejected as part of a longer word (中山大学, 湖南岸) takes its
                // scalars with it: no place starts inside that word (洞庭湖南岸 is not 南岸).
                position = max(position + 1, wordEnd)
            }
        }
        return found
    }

    /// Whether `stem` is itself a county or larger place: then a 街道 after it is that place's
    /// streets (广州街道上), not a subdistrict.
    @inline(__always)
    private func isSenior(_ stem: UnsafeBufferPointer<Unicode.Scalar>.SubSequence) -> Bool {
        guard let payload = trie.payload(of: stem) else { return false }
        return formLevels[Int(payload)] <= .county
    }

    /// Whether a trie hit at `start` is a place here, given what surrounds it. `partOfWord` is set
    /// when the hit is refused because it begins a longer word that is not a place.
    @inline(__always)
    private func accepts(
        _ hit: TrieHit, in text: UnsafeBufferPointer<Unicode.Scalar>, at start: Int,
        scratch: UnsafeMutableBufferPointer<TrieHit>, partOfWord: inout Bool
    ) -> Bool {
        let end = start + hit.length
        let last = text[end - 1].value
        let next: UInt32 = end < text.count ? text[end].value : 0
        // 乡村 (countryside) is never a 乡 followed by 村: 集体乡村 is not the township 集体乡.
        if last == countryside && next == village { return false }
        let kind = formKinds[Int(hit.form)]
        let level = formLevels[Int(hit.form)]
        switch kind {
        case .bareShort:
            partOfWord = true
            if geographicFeatures.contains(next) { return false }
            for word in shortContinuations where SuffixPlaceMatcher.hasPrefix(text, at: end, word) { return false }
            if let words = formContinuations[hit.form] {
                for word in words where SuffixPlaceMatcher.hasPrefix(text, at: end, word) { return false }
            }
            partOfWord = false
            if level > .province {
                for word in overlappingWords where word[0] == last && SuffixPlaceMatcher.hasPrefix(text, at: end - 1, word) {
                    return false
                }
                let first = text[start].value
                for word in precedingWords where word[word.count - 1] == first && start + 1 >= word.count
                    && SuffixPlaceMatcher.hasPrefix(text, at: start + 1 - word.count, word)
                {
                    // 投资兴业: 资兴 takes its scalars with it, so 兴业 is not tried either.
                    partOfWord = true
                    return false
                }
            }
        case .fullName where level == .township && (last == township || last == countryside):
            // 南京镇江 is 南京 then 镇江, not the township 南京镇: a township whose suffix starts a
            // county or larger place gives way.
            let others = trie.matches(in: text, at: end - 1, into: scratch)
            for index in 0..<others where scratch[index].length >= 2 && formLevels[Int(scratch[index].form)] <= .county {
                return false
            }
        default:
            break
        }
        return true
    }

    private static func string(_ scalars: UnsafeBufferPointer<Unicode.Scalar>.SubSequence) -> String {
        ScalarText.string(scalars)
    }
}
