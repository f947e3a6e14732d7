/// The gazetteer compiled: every table `Gazetteer.init(records:…)` builds from regions.csv,
/// region-aliases.csv, province-abbreviations.csv and pairings.csv (the place trie, the surface
/// forms and their readings, the rows with their parents and ancestors, the pairings), written
/// as flat sections (`TableImageWriter`) into Resources/gazetteer.image by
/// scripts/compile-resources.sh. Opening it maps the file and copies each section out in one
/// move: no CSV parsing, no string hashing, no trie building. The image records the hash of the
/// four CSV files it was compiled from and is used only while they are unchanged.
extension Gazetteer {
    /// The image's file name in the resources directory.
    static let imageFileName = "gazetteer.image"
    /// The files the image is compiled from, in the order they are hashed.
    static let imageSources = ["regions.csv", "region-aliases.csv", "province-abbreviations.csv", "pairings.csv"]
    private static let imageMagic = Array("XZGAZIMG".utf8)
    /// Raise when the sections change.
    private static let imageVersion: UInt32 = 1

    /// The hash an image records of its sources: each file's name and the FNV-1a hash of its bytes.
    static func imageSourceHash(_ files: [[UInt8]]) -> UInt64 {
        var hash = StableHash.offsetBasis
        for (name, bytes) in zip(imageSources, files) {
            for byte in name.utf8 { hash = StableHash.adding(byte, to: hash) }
            hash = StableHash.adding(0, to: hash)
            withUnsafeBytes(of: StableHash.value(of: bytes).littleEndian) { word in
                for byte in word { hash = StableHash.adding(byte, to: hash) }
            }
        }
        return hash
    }

    /// This gazetteer's tables as an image, recording `sourceHash` (`imageSourceHash` of the files
    /// it was built from).
    func image(sourceHash: UInt64) -> [UInt8] {
        var writer = TableImageWriter(magic: Self.imageMagic, version: Self.imageVersion, sourceHash: sourceHash)
        writer.append(trie.rootChild)
        let others = trie.otherRootChild.sorted { $0.key < $1.key }
        writer.append(others.map(\.key))
        writer.append(others.map(\.value))
        writer.append(trie.nodes)
        writer.append(trie.edgeScalar)
        writer.append(trie.edgeTarget)
        writer.append(trie.bigrams)
        writer.append([UInt64(trie.longestName)])

        writer.append(strings: forms.map(\.text))
        writer.append(forms.map { UInt8($0.level.rawValue) })
        writer.append(forms.map { UInt8($0.kind.rawValue) })
        let (continuationStarts, continuationWords) = Self.flatten(forms.map(\.badContinuations))
        writer.append(continuationStarts)
        let (wordStarts, wordScalars) = Self.flatten(continuationWords)
        writer.append(wordStarts)
        writer.append(wordScalars)

        writer.append(strings: places.map(\.name))
        writer.append(strings: places.map(\.short))
        writer.append(strings: places.map(\.code))
        writer.append(places.map { UInt8($0.level.rawValue) })
        let (parentStarts, parentIDs) = Self.flatten(places.map(\.parents))
        writer.append(parentStarts)
        writer.append(parentIDs)
        writer.append(ancestorStarts)
        writer.append(ancestorIDs)
        let (readingStarts, readingIDs) = Self.flatten(formPlaces)
        writer.append(readingStarts)
        writer.append(readingIDs)
        writer.append(rowCounts.map { UInt64($0) })

        let tables = pairs.sortedTables
        writer.append(tables.abbreviations.map(\.0))
        writer.append(tables.abbreviations.map(\.1))
        writer.append(tables.pairs.map(\.0))
        writer.append(tables.pairs.map(\.1))
        return writer.bytes
    }

    /// The gazetteer an image holds. Fails when the image is not one of this version, was
    /// compiled from other sources than those hashing to `sourceHash`, or is damaged; every index
    /// is checked against the table it points into, so a bad image never traps later.
    init(image bytes: UnsafeRawBufferPointer, sourceHash: UInt64) throws(TableImageError) {
        var reader = try TableImageReader(bytes, magic: Self.imageMagic, version: Self.imageVersion, sourceHash: sourceHash)
        let rootChild: [Int32] = try reader.array()
        let otherScalars: [UInt32] = try reader.array()
        let otherNodes: [Int32] = try reader.array()
        let nodes: [Int32] = try reader.array()
        let edgeScalar: [UInt32] = try reader.array()
        let edgeTarget: [Int32] = try reader.array()
        let bigrams: [UInt64] = try reader.array()
        let longest: [UInt64] = try reader.array()

        let texts = try reader.strings()
        let formLevels: [UInt8] = try reader.array()
        let formKinds: [UInt8] = try reader.array()
        let continuationStarts: [UInt32] = try reader.array()
        let wordStarts: [UInt32] = try reader.array()
        let wordScalars: [UInt32] = try reader.array()

        let names = try reader.strings()
        let shorts = try reader.strings()
        let codes = try reader.strings()
        let placeLevels: [UInt8] = try reader.array()
        let parentStarts: [UInt32] = try reader.array()
        let parentIDs: [Int32] = try reader.array()
        let ancestorStarts: [Int32] = try reader.array()
        let ancestorIDs: [Int32] = try reader.array()
        let readingStarts: [UInt32] = try reader.array()
        let readingIDs: [Int32] = try reader.array()
        let rowCounts: [UInt64] = try reader.array()

        let abbreviationScalars: [UInt32] = try reader.array()
        let abbreviationProvinces: [Int32] = try reader.array()
        let helpers: [Int32] = try reader.array()
        let recipients: [Int32] = try reader.array()
        guard reader.isAtEnd else { throw .damaged("it has sections this version does not know") }

        // Shapes first, then every index against what it points into.
        let formCount = texts.count
        let placeCount = names.count
        let nodeCount = nodes.count / 3
        guard rootChild.count == PlaceTrie.rootTableCount, otherScalars.count == otherNodes.count,
            nodes.count % 3 == 0, nodeCount > 0, edgeScalar.count == edgeTarget.count,
            bigrams.count == PlaceTrie.bigramCount / 64, longest.count == 1, longest[0] < 1024,
            formLevels.count == formCount, formKinds.count == formCount, continuationStarts.count == formCount + 1,
            shorts.count == placeCount, codes.count == placeCount, placeLevels.count == placeCount,
            parentStarts.count == placeCount + 1, ancestorStarts.count == placeCount + 1, readingStarts.count == formCount + 1,
            rowCounts.count == PlaceLevel.allCases.count, abbreviationScalars.count == abbreviationProvinces.count,
            helpers.count == recipients.count
        else { throw .damaged("its sections do not fit together") }
        func within(_ values: [Int32], _ limit: Int, allowing allowed: Int32? = nil) -> Bool {
            values.allSatisfy { ($0 >= 0 && Int($0) < limit) || $0 == allowed }
        }
        var nodesFit = true
        for node in 0..<nodeCount {
            let first = nodes[node * 3]
            let end = nodes[node * 3 + 1]
            let form = nodes[node * 3 + 2]
            if first < 0 || first > end || Int(end) > edgeScalar.count || form < -1 || Int(form) >= formCount { nodesFit = false }
        }
        guard nodesFit, within(rootChild, nodeCount, allowing: -1), within(otherNodes, nodeCount),
            within(edgeTarget, nodeCount), within(parentIDs, placeCount), within(ancestorIDs, placeCount),
            within(readingIDs, placeCount), within(abbreviationProvinces, placeCount), within(helpers, placeCount),
            within(recipients, placeCount), Self.isRun(continuationStarts, over: wordStarts.count - 1),
            Self.isRun(wordStarts, over: wordScalars.count), Self.isRun(parentStarts, over: parentIDs.count),
            Self.isRun(readingStarts, over: readingIDs.count),
            Self.isRun(ancestorStarts.map { UInt32(truncatingIfNeeded: $0) }, over: ancestorIDs.count),
            formLevels.allSatisfy({ Int($0) < PlaceLevel.allCases.count }), formKinds.allSatisfy({ $0 <= 2 }),
            placeLevels.allSatisfy({ Int($0) < PlaceLevel.allCases.count })
        else { throw .damaged("an index points outside its table") }

        var words: [[UInt32]] = []
        words.reserveCapacity(max(0, wordStarts.count - 1))
        for index in 0..<max(0, wordStarts.count - 1) {
            words.append(Array(wordScalars[Int(wordStarts[index])..<Int(wordStarts[index + 1])]))
        }
        var forms: [SurfaceForm] = []
        forms.reserveCapacity(formCount)
        var formPlaces: [[Int32]] = []
        formPlaces.reserveCapacity(formCount)
        for index in 0..<formCount {
            guard let text = texts[index], let level = PlaceLevel(rawValue: Int(formLevels[index])),
                let kind = SurfaceKind(rawValue: Int(formKinds[index]))
            else { throw .damaged("a surface form has no text") }
            let continuations = Array(words[Int(continuationStarts[index])..<Int(continuationStarts[index + 1])])
            forms.append(SurfaceForm(text: text, level: level, kind: kind, badContinuations: continuations))
            formPlaces.append(Array(readingIDs[Int(readingStarts[index])..<Int(readingStarts[index + 1])]))
        }
        var places: [GazetteerPlace] = []
        places.reserveCapacity(placeCount)
        for index in 0..<placeCount {
            guard let name = names[index], let level = PlaceLevel(rawValue: Int(placeLevels[index])) else {
                throw .damaged("a place has no name")
            }
            places.append(
                GazetteerPlace(
                    name: name, short: shorts[index], level: level,
                    parents: Array(parentIDs[Int(parentStarts[index])..<Int(parentStarts[index + 1])]), code: codes[index]))
        }
        var others: [UInt32: Int32] = [:]
        for (scalar, node) in zip(otherScalars, otherNodes) { others[scalar] = node }
        self.init(
            trie: PlaceTrie(
                rootChild: rootChild, otherRootChild: others, nodes: nodes, edgeScalar: edgeScalar, edgeTarget: edgeTarget,
                bigrams: bigrams, longestName: Int(longest[0])),
            forms: forms, places: places, ancestorStarts: ancestorStarts, ancestorIDs: ancestorIDs, formPlaces: formPlaces,
            pairs: CooperationPairs(
                abbreviations: Array(zip(abbreviationScalars, abbreviationProvinces)), pairs: Array(zip(helpers, recipients))),
            rowCounts: rowCounts.map { Int($0) })
    }

    /// Lists of lists as one list of starts (one more than the lists) and the elements end to end.
    private static func flatten<Element>(_ lists: [[Element]]) -> (starts: [UInt32], elements: [Element]) {
        var starts: [UInt32] = [0]
        starts.reserveCapacity(lists.count + 1)
        var elements: [Element] = []
        for list in lists {
            elements.append(contentsOf: list)
            starts.append(UInt32(elements.count))
        }
        return (starts, elements)
    }

    /// Whether `starts` begins at 0, never decreases and ends at `count`.
    private static func isRun(_ starts: [UInt32], over count: Int) -> Bool {
        guard starts.first == 0, Int(starts.last ?? 1) == count else { return false }
        return zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }
    }
}
