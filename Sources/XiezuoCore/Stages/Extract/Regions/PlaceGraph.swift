/// The places of one article as a forest: gazetteer places linked to their enclosing divisions,
/// and places found by suffix linked to the place written before them. Small (tens of nodes), so
/// ancestry is a walk up parent links.
struct PlaceGraph: Sendable {
    private(set) var nodes: [PlaceNode] = []
    private var byPlace: [Int32: Int] = [:]
    private var byName: [String: Int] = [:]

    /// The node of gazetteer row `id`, created with its chain of enclosing divisions on first use.
    /// Among namesake parents (see `GazetteerPlace.parents`) the first in `context` (the article's
    /// places and all that encloses them) is taken, else the first.
    mutating func node(forPlace id: Int32, gazetteer: Gazetteer, context: Set<Int32>) -> Int {
        if let existing = byPlace[id] { return existing }
        let parents = gazetteer.parents(ofPlace: id)
        let parentID = parents.count > 1 ? parents.first { context.contains($0) } ?? parents.first : parents.first
        var parentNode: Int?
        if let parentID, parentID != id {
            parentNode = node(forPlace: parentID, gazetteer: gazetteer, context: context)
        }
        nodes.append(PlaceNode(place: id, level: gazetteer.level(ofPlace: id), parent: parentNode))
        byPlace[id] = nodes.count - 1
        return nodes.count - 1
    }

    /// The node of a place found by its suffix (径下村, 城南社区), one per written name.
    mutating func node(named name: String, level: PlaceLevel) -> Int {
        if let existing = byName[name] { return existing }
        nodes.append(PlaceNode(place: nil, level: level, parent: nil))
        byName[name] = nodes.count - 1
        return nodes.count - 1
    }

    /// Attaches a suffix-found place to the place written right before it, once, and only under
    /// a more senior place (so links always go up a level and never loop).
    mutating func attach(_ node: Int, under parent: Int) {
        guard nodes[node].place == nil, nodes[node].parent == nil, nodes[parent].level < nodes[node].level else { return }
        nodes[node].parent = parent
    }

    /// Whether `node` is `ancestor` or lies inside it.
    func isInside(_ node: Int, _ ancestor: Int) -> Bool {
        var current: Int? = node
        var steps = 0
        while let index = current, steps <= PlaceLevel.allCases.count {
            if index == ancestor { return true }
            current = nodes[index].parent
            steps += 1
        }
        return false
    }

    /// The smallest place holding every one of `members` (itself when there is one), or nil when
    /// none does (places in several provinces).
    func smallestCommonAncestor(of members: [Int]) -> Int? {
        guard let head = members.first else { return nil }
        var ancestor: Int? = head
        var steps = 0
        while let candidate = ancestor, steps <= PlaceLevel.allCases.count {
            if members.allSatisfy({ isInside($0, candidate) }) { return candidate }
            ancestor = parent(of: candidate)
            steps += 1
        }
        return nil
    }

    /// The enclosing place of `node`, if known.
    @inline(__always)
    func parent(of node: Int) -> Int? {
        nodes[node].parent
    }

    /// Records how the article wrote the place, keeping the preferred form (the first on a tie).
    mutating func noteName(_ name: String, form: WrittenForm, of node: Int) {
        if nodes[node].name == nil || form < nodes[node].nameForm {
            nodes[node].name = name
            nodes[node].nameForm = form
        }
    }

    mutating func addDonorScore(_ weight: Int, to node: Int) {
        nodes[node].donorScore += weight
    }

    mutating func addRecipientScore(_ weight: Int, to node: Int) {
        nodes[node].recipientScore += weight
    }

    /// Pairs the text writes as helper and helped (X帮扶Y, X驻Y工作队, X与Y, X—Y), in text order.
    private(set) var links: [(helper: Int, helped: Int)] = []

    mutating func link(_ helper: Int, helping helped: Int) {
        links.append((helper, helped))
    }

    mutating func addHelpedScore(_ weight: Int, to node: Int) {
        nodes[node].helpedScore += weight
    }

    mutating func markDonorSide(_ node: Int, _ value: Bool = true) {
        nodes[node].isDonorSide = value
    }
}
