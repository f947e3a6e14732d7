/// For each line of an HTML page's text, the page lines it came from (0-based, nil where
/// unknown): `[ClosedRange<Int>?]` in 8 bytes a line instead of 24, since a page of a million
/// short paragraphs has two million of them.
struct PageLineOrigins: Sendable, Equatable {
    /// First and last page line per line; -1 for unknown.
    private var firsts: [Int32] = []
    private var lasts: [Int32] = []

    var count: Int { firsts.count }
    var isEmpty: Bool { firsts.isEmpty }

    subscript(index: Int) -> ClosedRange<Int>? {
        get { firsts[index] < 0 ? nil : Int(firsts[index])...Int(lasts[index]) }
        set {
            firsts[index] = newValue.map { Int32(clamping: $0.lowerBound) } ?? -1
            lasts[index] = newValue.map { Int32(clamping: $0.upperBound) } ?? -1
        }
    }

    mutating func append(_ origin: ClosedRange<Int>?) {
        firsts.append(-1)
        lasts.append(-1)
        self[count - 1] = origin
    }
}
