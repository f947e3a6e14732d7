/// The shingle sets dedupe loaded most recently, up to a budget of hashes: a kept copy is
/// compared with each of its copies and with the crowd around it, and is then read from the
/// store once rather than once per comparison. Oldest out first.
struct ShingleCache {
    /// Hashes held at most (4 bytes each): 2 M, 8 MiB, whatever the history's size.
    static let budget = 2 << 20

    private var sets: [Int: ShingleSet] = [:]
    private var arrivals: [Int] = []
    private var oldest = 0
    private var held = 0

    /// The set of article `id`, from the cache or from `load`.
    mutating func set(of id: Int, load: (Int) throws -> ShingleSet) rethrows -> ShingleSet {
        if let set = sets[id] { return set }
        let set = try load(id)
        sets[id] = set
        arrivals.append(id)
        held += set.count
        while held > Self.budget, oldest < arrivals.count - 1 {
            if let evicted = sets.removeValue(forKey: arrivals[oldest]) { held -= evicted.count }
            oldest += 1
        }
        if oldest > 4096 {
            arrivals.removeFirst(oldest)
            oldest = 0
        }
        return set
    }
}
