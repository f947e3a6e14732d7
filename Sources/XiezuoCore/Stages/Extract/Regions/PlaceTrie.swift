/// Every surface form of every place as a trie over Unicode scalars, frozen into flat arrays.
///
/// The whole corpus goes through `Gazetteer.mentions(in:)`, so finding the names that start at a
/// position must cost next to nothing when none does, which is almost every position: the first
/// scalar is one array index (most scalars end the search there), each further one a short search
/// among a node's sorted edges. No hashing, no `String`, no allocation per position.
struct PlaceTrie: Sendable {
    /// Node reached by each first scalar, indexed by scalar value; -1 where no name starts.
    private let rootChild: [Int32]
    /// Edges of node `n` are `edgeStart[n] ..< edgeStart[n + 1]` in the two edge arrays, sorted
    /// by scalar.
    private let edgeStart: [Int32]
    private let edgeScalar: [UInt32]
    private let edgeTarget: [Int32]
    /// The `SurfaceForm` index of the name ending at each node, -1 where none does.
    private let terminal: [Int32]

    /// Builds the trie; a later word with the same scalars replaces an earlier one's payload.
    init(words: [(scalars: [UInt32], payload: Int32)]) {
        var children: [[UInt32: Int32]] = [[:]]
        var ends: [Int32] = [-1]
        for word in words where !word.scalars.isEmpty {
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

        let largestFirst = children[0].keys.max() ?? 0
        var root = [Int32](repeating: -1, count: Int(largestFirst) + 1)
        for (scalar, node) in children[0] {
            root[Int(scalar)] = node
        }
        var starts: [Int32] = []
        starts.reserveCapacity(children.count + 1)
        var scalars: [UInt32] = []
        var targets: [Int32] = []
        for edges in children {
            starts.append(Int32(scalars.count))
            for (scalar, node) in edges.sorted(by: { $0.key < $1.key }) {
                scalars.append(scalar)
                targets.append(node)
            }
        }
        starts.append(Int32(scalars.count))

        rootChild = root
        edgeStart = starts
        edgeScalar = scalars
        edgeTarget = targets
        terminal = ends
    }

    /// The node reached from `node` by `scalar`, or -1.
    @inline(__always)
    private func child(of node: Int, _ scalar: UInt32) -> Int {
        var low = Int(edgeStart[node])
        var high = Int(edgeStart[node + 1])
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

    /// Replaces `hits` with every name that starts at `start`, shortest first.
    @inline(__always)
    func matches(in text: UnsafeBufferPointer<Unicode.Scalar>, at start: Int, into hits: inout [TrieHit]) {
        hits.removeAll(keepingCapacity: true)
        let first = Int(text[start].value)
        guard first < rootChild.count else { return }
        var node = Int(rootChild[first])
        var position = start + 1
        while node >= 0 {
            let form = terminal[node]
            if form >= 0 { hits.append(TrieHit(length: position - start, form: form)) }
            guard position < text.count else { return }
            node = child(of: node, text[position].value)
            position += 1
        }
    }

    /// The payload of exactly `scalars`, if it is a name.
    func payload(of scalars: UnsafeBufferPointer<Unicode.Scalar>.SubSequence) -> Int32? {
        guard let firstScalar = scalars.first, Int(firstScalar.value) < rootChild.count else { return nil }
        var node = Int(rootChild[Int(firstScalar.value)])
        for scalar in scalars.dropFirst() {
            guard node >= 0 else { return nil }
            node = child(of: node, scalar.value)
        }
        guard node >= 0, terminal[node] >= 0 else { return nil }
        return terminal[node]
    }
}
