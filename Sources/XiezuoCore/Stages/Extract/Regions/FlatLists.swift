/// Many short lists (each place's parents, each surface form's readings) end to end in one
/// array, with each list's start: one allocation for all of them instead of one per list.
struct FlatLists<Element: Sendable & Equatable>: Sendable, Equatable {
    /// Where each list starts in `elements`, plus the end of the last.
    let starts: [UInt32]
    let elements: [Element]

    init(_ lists: [[Element]]) {
        var starts: [UInt32] = [0]
        starts.reserveCapacity(lists.count + 1)
        var elements: [Element] = []
        for list in lists {
            elements.append(contentsOf: list)
            starts.append(UInt32(elements.count))
        }
        self.init(starts: starts, elements: elements)
    }

    /// Lists read from a compiled image; `isValid` says whether they hold together.
    init(starts: [UInt32], elements: [Element]) {
        self.starts = starts
        self.elements = elements
    }

    var count: Int { starts.count - 1 }

    /// Whether the starts begin at 0, never decrease and end at the last element.
    var isValid: Bool {
        guard starts.first == 0, Int(starts.last ?? 1) == elements.count else { return false }
        return zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }
    }

    subscript(index: Int) -> ArraySlice<Element> {
        elements[Int(starts[index])..<Int(starts[index + 1])]
    }
}
