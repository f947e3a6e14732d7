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

        writer.append(formTexts)
        writer.append(formLevels.map { UInt8($0.rawValue) })
        writer.append(formKinds.map { UInt8($0.rawValue) })
        let continued = formContinuations.sorted { $0.key < $1.key }
        writer.append(continued.map(\.key))
        let words = FlatLists(continued.map(\.value))
        writer.append(words.starts)
        let scalars = FlatLists(words.elements)
        writer.append(scalars.starts)
        writer.append(scalars.elements)
        writer.append(formPlaces.starts)
        writer.append(formPlaces.elements)

        writer.append(placeNames)
        writer.append(placeShorts)
        writer.append(placeCodes)
        writer.append(placeLevels.map { UInt8($0.rawValue) })
        writer.append(placeParents.starts)
        writer.append(placeParents.elements)
        writer.append(ancestorStarts)
        writer.append(ancestorIDs)
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

        let formTexts = try reader.strings()
        let formLevels: [UInt8] = try reader.array()
        let formKinds: [UInt8] = try reader.array()
        let continued: [Int32] = try reader.array()
        let words = FlatLists<UInt32>(starts: try reader.array(), elements: [])
        let scalars = FlatLists<UInt32>(starts: try reader.array(), elements: try reader.array())
        let formPlaces = FlatLists<Int32>(starts: try reader.array(), elements: try reader.array())

        let placeNames = try reader.strings()
        let placeShorts = try reader.strings()
        let placeCodes = try reader.strings()
        let placeLevels: [UInt8] = try reader.array()
        let placeParents = FlatLists<Int32>(starts: try reader.array(), elements: try reader.array())
        let ancestorStarts: [Int32] = try reader.array()
        let ancestorIDs: [Int32] = try reader.array()
        let rowCounts: [UInt64] = try reader.array()

        let abbreviationScalars: [UInt32] = try reader.array()
        let abbreviationProvinces: [Int32] = try reader.array()
        let helpers: [Int32] = try reader.array()
        let recipients: [Int32] = try reader.array()
        guard reader.isAtEnd else { throw .damaged("it has sections this version does not know") }

        // Shapes first, then every index against what it points into.
        let formCount = formTexts.count
        let placeCount = placeNames.count
        let nodeCount = nodes.count / 3
        guard rootChild.count == PlaceTrie.rootTableCount, otherScalars.count == otherNodes.count,
            nodes.count % 3 == 0, nodeCount > 0, edgeScalar.count == edgeTarget.count,
            bigrams.count == PlaceTrie.bigramCount / 64, longest.count == 1, longest[0] < 1024,
            formTexts.isValid, formLevels.count == formCount, formKinds.count == formCount,
            words.starts.count == continued.count + 1, words.starts.first == 0, Int(words.starts.last ?? 1) == scalars.count,
            words.starts.elementsEqual(words.starts.sorted()), scalars.isValid, formPlaces.count == formCount, formPlaces.isValid,
            placeNames.isValid, placeShorts.isValid, placeCodes.isValid, placeShorts.count == placeCount,
            placeCodes.count == placeCount, placeLevels.count == placeCount, placeParents.count == placeCount,
            placeParents.isValid, ancestorStarts.count == placeCount + 1, rowCounts.count == PlaceLevel.allCases.count,
            abbreviationScalars.count == abbreviationProvinces.count, helpers.count == recipients.count
        else { throw .damaged("its sections do not fit together") }
        var nodesFit = true
        for node in 0..<nodeCount {
            let first = nodes[node * 3]
            let end = nodes[node * 3 + 1]
            let form = nodes[node * 3 + 2]
            if first < 0 || first > end || Int(end) > edgeScalar.count || form < -1 || Int(form) >= formCount { nodesFit = false }
        }
        guard nodesFit, Self.within(rootChild, nodeCount, allowing: -1), Self.within(otherNodes, nodeCount),
            Self.within(edgeTarget, nodeCount), Self.within(continued, formCount), Self.within(placeParents.elements, placeCount),
            Self.within(ancestorIDs, placeCount), Self.within(formPlaces.elements, placeCount),
            Self.within(abbreviationProvinces, placeCount), Self.within(helpers, placeCount), Self.within(recipients, placeCount),
            FlatLists(starts: ancestorStarts.map { UInt32(truncatingIfNeeded: $0) }, elements: ancestorIDs).isValid
        else { throw .damaged("an index points outside its table") }
        guard let formLevelValues = Self.levels(formLevels), let placeLevelValues = Self.levels(placeLevels),
            let kinds = Self.kinds(formKinds)
        else { throw .damaged("a level or kind is unknown") }

        var continuations: [Int32: [[UInt32]]] = [:]
        for (index, form) in continued.enumerated() {
            continuations[form] = (Int(words.starts[index])..<Int(words.starts[index + 1])).map { Array(scalars[$0]) }
        }
        var others: [UInt32: Int32] = [:]
        for (scalar, node) in zip(otherScalars, otherNodes) { others[scalar] = node }
        self.init(
            trie: PlaceTrie(
                rootChild: rootChild, otherRootChild: others, nodes: nodes, edgeScalar: edgeScalar, edgeTarget: edgeTarget,
                bigrams: bigrams, longestName: Int(longest[0])),
            formTexts: formTexts, formLevels: formLevelValues, formKinds: kinds, formContinuations: continuations,
            formPlaces: formPlaces, placeNames: placeNames, placeShorts: placeShorts, placeCodes: placeCodes,
            placeLevels: placeLevelValues, placeParents: placeParents, ancestorStarts: ancestorStarts, ancestorIDs: ancestorIDs,
            pairs: CooperationPairs(
                abbreviations: Array(zip(abbreviationScalars, abbreviationProvinces)), pairs: Array(zip(helpers, recipients))),
            rowCounts: rowCounts.map { Int($0) })
    }

    /// Whether every value is an index below `limit` (or `allowed`, the "none" marker).
    private static func within(_ values: [Int32], _ limit: Int, allowing allowed: Int32? = nil) -> Bool {
        values.allSatisfy { ($0 >= 0 && Int($0) < limit) || $0 == allowed }
    }

    private static func levels(_ raw: [UInt8]) -> [PlaceLevel]? {
        var levels: [PlaceLevel] = []
        levels.reserveCapacity(raw.count)
        for value in raw {
            guard let level = PlaceLevel(rawValue: Int(value)) else { return nil }
            levels.append(level)
        }
        return levels
    }

    private static func kinds(_ raw: [UInt8]) -> [SurfaceKind]? {
        var kinds: [SurfaceKind] = []
        kinds.reserveCapacity(raw.count)
        for value in raw {
            guard let kind = SurfaceKind(rawValue: Int(value)) else { return nil }
            kinds.append(kind)
        }
        return kinds
    }
}
