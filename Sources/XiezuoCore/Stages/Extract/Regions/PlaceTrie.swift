/// Every surface form of every place as a trie over Unicode scalars, frozen into flat arrays.
///
/// The whole corpus goes through `Gazetteer.mentions(in:)`, so finding the names that start at a
/// position must cost next to nothing when none does, which is almost every position. Every name
/// has at least two scalars, so a 64 KB bit set of the names' first two scalars (hashed) rules out
/// most positions with one load, before the trie is touched. The trie's layout is chosen for the
/// cache too: the first scalar indexes a table covering the CJK blocks; nodes are numbered breadth
/// first, so the few thousand nodes a scan touches most (depths 1 and 2) sit together; a node's
/// edge range and terminal payload share one record. No `String`, no allocation per position.
struct PlaceTrie: Sendable {
    /// First scalar covered by `rootChild`: CJK extension A, then the unified ideographs.
    private static let tableStart: UInt32 = 0x3400
    private static let tableEnd: UInt32 = 0xA000

    /// Node reached by each first scalar in `tableStart ..< tableEnd`; -1 where no name starts.
    let rootChild: [Int32]
    /// Nodes reached by first scalars outside the table (none in today's data).
    let otherRootChild: [UInt32: Int32]
    /// Three values per node: first edge, end of edges (into the edge arrays, sorted by scalar),
    /// and the `SurfaceForm` index of the name ending there, or -1.
    let nodes: [Int32]
    let edgeScalar: [UInt32]
    let edgeTarget: [Int32]
    /// One bit per hash of a name's first two scalars (`bigramBits` bits in all).
    let bigrams: [UInt64]
    private static let bigramBits = 19
    /// The longest name, in scalars: the most hits one position can have.
    let longestName: Int

    /// A trie of arrays already built, as `init(words:)` builds them (read from a compiled image).
    init(
        rootChild: [Int32], otherRootChild: [UInt32: Int32], nodes: [Int32], edgeScalar: [UInt32], edgeTarget: [Int32],
        bigrams: [UInt64], longestName: Int
    ) {
        self.rootChild = rootChild
        self.otherRootChild = otherRootChild
        self.nodes = nodes
        self.edgeScalar = edgeScalar
        self.edgeTarget = edgeTarget
        self.bigrams = bigrams
        self.longestName = longestName
    }

    /// Entries of `rootChild`: one per scalar from CJK extension A to the end of the unified ideographs.
    static var rootTableCount: Int { Int(tableEnd - tableStart) }

    /// Bits in `bigrams`.
    static var bigramCount: Int { 1 << bigramBits }

    /// Builds the trie; a later word with the same scalars replaces an earlier one's payload. Words
    /// of fewer than two scalars are left out: no one-character place name is matched (东, 梅),
    /// and the bigram filter relies on it.
    init(words: [(scalars: [UInt32], payload: Int32)]) {
        var children: [[UInt32: Int32]] = [[:]]
        var ends: [Int32] = [-1]
        var longest = 0
        var filter = [UInt64](repeating: 0, count: (1 << Self.bigramBits) / 64)
        for word in words where word.scalars.count >= 2 {
            longest = max(longest, word.scalars.count)
            let bit = Self.bigramHash(word.scalars[0], word.scalars[1])
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
            var node = 0
            for scalar in word.scalars {
                if let next = children[node][scalar] {
                    node = Int(next)
                } else {
                    let created = Int32(children.count)
                    children[node][scalar] = created
                    children.append([:])
                    ends.append(-1)
                    node = Int(created)
                }
            }
            ends[node] = word.payload
        }

        // Breadth-first numbering, children in scalar order.
        var order: [Int] = [0]
        var renumbered = [Int32](repeating: -1, count: children.count)
        renumbered[0] = 0
        var cursor = 0
        while cursor < order.count {
            for (_, child) in children[order[cursor]].sorted(by: { $0.key < $1.key }) {
                renumbered[Int(child)] = Int32(order.count)
                order.append(Int(child))
            }
            cursor += 1
        }

        var records: [Int32] = []
        records.reserveCapacity(order.count * 3)
        var scalars: [UInt32] = []
        var targets: [Int32] = []
        for old in order {
            records.append(Int32(scalars.count))
            for (scalar, child) in children[old].sorted(by: { $0.key < $1.key }) {
                scalars.append(scalar)
                targets.append(renumbered[Int(child)])
            }
            records.append(Int32(scalars.count))
            records.append(ends[old])
        }

        var table = [Int32](repeating: -1, count: Int(Self.tableEnd - Self.tableStart))
        var others: [UInt32: Int32] = [:]
        for (scalar, child) in children[0] {
            if scalar >= Self.tableStart && scalar < Self.tableEnd {
                table[Int(scalar - Self.tableStart)] = renumbered[Int(child)]
            } else {
                others[scalar] = renumbered[Int(child)]
            }
        }

        rootChild = table
        otherRootChild = others
        nodes = records
        edgeScalar = scalars
        edgeTarget = targets
        longestName = longest
        bigrams = filter
    }

    /// Where a name's first two scalars fall in `bigrams`.
    @inline(__always)
    private static func bigramHash(_ first: UInt32, _ second: UInt32) -> Int {
        let mixed = (first &* 0x9E37_79B1) ^ (second &* 0x85EB_CA77)
        return Int(mixed >> UInt32(32 - bigramBits))
    }

    /// The node a name's first scalar leads to, or -1.
    @inline(__always)
    private func root(_ scalar: UInt32) -> Int {
        if scalar >= Self.tableStart && scalar < Self.tableEnd {
            return Int(rootChild[Int(scalar - Self.tableStart)])
        }
        if otherRootChild.isEmpty { return -1 }
        return Int(otherRootChild[scalar] ?? -1)
    }

    /// The node reached from `node` by `scalar`, or -1.
    @inline(__always)
    private func child(of node: Int, _ scalar: UInt32) -> Int {
        var low = Int(nodes[node * 3])
        var high = Int(nodes[node * 3 + 1])
        // Most nodes have a handful of edges: a linear scan beats a binary search there.
        if high - low <= 8 {
            while low < high {
                if edgeScalar[low] == scalar { return Int(edgeTarget[low]) }
                low += 1
            }
            return -1
        }
        while low < high {
            let middle = (low + high) >> 1
            let found = edgeScalar[middle]
            if found == scalar { return Int(edgeTarget[middle]) }
            if found < scalar { low = middle + 1 } else { high = middle }
        }
        return -1
    }

    /// Whether a name may start at `position`: false for certain at most positions, so that the
    /// trie is walked only where a name's first two scalars are.
    @inline(__always)
    func mayStartName(in text: UnsafeBufferPointer<Unicode.Scalar>, at position: Int) -> Bool {
        guard position + 1 < text.count else { return false }
        let bit = Self.bigramHash(text[position].value, text[position + 1].value)
        return bigrams[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// Writes every name that starts at `start` into `hits`, shortest first, and returns how many.
    /// `hits` holds at least `longestName` entries.
    @inline(__always)
    func matches(
        in text: UnsafeBufferPointer<Unicode.Scalar>, at start: Int, into hits: UnsafeMutableBufferPointer<TrieHit>
    ) -> Int {
        var found = 0
        var node = root(text[start].value)
        var position = start + 1
        while node >= 0 {
            let form = nodes[node * 3 + 2]
            if form >= 0 {
                hits[found] = TrieHit(length: position - start, form: form)
                found += 1
            }
            guard position < text.count else { break }
            node = child(of: node, text[position].value)
            position += 1
        }
        return found
    }

    /// The payload of exactly `scalars`, if it is a name.
    func payload(of scalars: UnsafeBufferPointer<Unicode.Scalar>.SubSequence) -> Int32? {
        guard let firstScalar = scalars.first else { return nil }
        var node = root(firstScalar.value)
        for scalar in scalars.dropFirst() {
            guard node >= 0 else { return nil }
            node = child(of: node, scalar.value)
        }
        guard node >= 0, nodes[node * 3 + 2] >= 0 else { return nil }
        return nodes[node * 3 + 2]
    }
}
