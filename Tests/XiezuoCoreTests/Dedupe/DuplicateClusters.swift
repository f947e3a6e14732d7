@testable import XiezuoCore

/// Groups articles into clusters of one story: union-find over confirmed near-duplicate pairs.
///
/// Deterministic: every cluster's root is its smallest id, whatever order the pairs come in,
/// so `representative(of:)` and `clusters()` depend only on the set of pairs. Only ids that
/// appear in a pair are stored; any other id is a cluster of its own.
///
/// Clusters are the transitive closure of the pairs: if A ≈ B and B ≈ C, then A, B and C are
/// one cluster even when A and C fall below the threshold. The pipeline does not group copies
/// this way (a chain of articles drifting from one story to another would join its ends;
/// `DedupeStage` marks each duplicate against a kept copy it matches itself); the accuracy
/// measurements use it to score the pairs an index confirms.
public struct DuplicateClusters: Sendable, Equatable {
    /// id → parent id; a root is its own parent and the smallest id of its cluster.
    private var parent: [Int: Int] = [:]

    public init() {}

    /// Clusters of `pairs`.
    public init<Pairs: Sequence<(Int, Int)>>(pairs: Pairs) {
        for (first, second) in pairs { union(first, second) }
    }

    /// Records that `first` and `second` are the same story.
    public mutating func union(_ first: Int, _ second: Int) {
        let a = root(compressing: first)
        let b = root(compressing: second)
        guard a != b else { return }
        // The smaller id becomes the root, so the result does not depend on pair order.
        if a < b { parent[b] = a } else { parent[a] = b }
    }

    /// The smallest id of `id`'s cluster (`id` itself when it was never in a pair).
    public func representative(of id: Int) -> Int {
        var current = id
        while let up = parent[current], up != current { current = up }
        return current
    }

    /// Whether `first` and `second` are in one cluster.
    public func sameCluster(_ first: Int, _ second: Int) -> Bool {
        representative(of: first) == representative(of: second)
    }

    /// Every cluster of at least two ids, each ascending, ordered by smallest id.
    public func clusters() -> [[Int]] {
        var members: [Int: [Int]] = [:]
        for id in parent.keys { members[representative(of: id), default: []].append(id) }
        return members.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// Ids that appear in some pair.
    public var count: Int { parent.count }

    /// Finds the root, halving the path on the way so later finds are short.
    private mutating func root(compressing id: Int) -> Int {
        if parent[id] == nil { parent[id] = id }
        var current = id
        while let up = parent[current], up != current {
            let grand = parent[up] ?? up
            parent[current] = grand
            current = grand
        }
        return current
    }
}
