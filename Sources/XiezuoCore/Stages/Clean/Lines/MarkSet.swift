/// A small set of scalars asked about every line: the configured caption and menu marks (■, ▲,
/// •), asked of the first scalars of every line and of every non-Han scalar of a short one;
/// the initials of contact labels. A 1024-bit map of the members' values modulo 1024 answers
/// most questions with one lookup, without hashing; the set answers the rest.
struct MarkSet: Sendable, Equatable {
    private let marks: Set<Unicode.Scalar>
    private let map: [UInt64]

    init(_ marks: some Sequence<Unicode.Scalar>) {
        self.marks = Set(marks)
        var map = [UInt64](repeating: 0, count: 16)
        for mark in self.marks {
            let value = Int(mark.value & 1023)
            map[value >> 6] |= 1 << UInt64(value & 63)
        }
        self.map = map
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = Int(scalar.value & 1023)
        return map[value >> 6] & (1 << UInt64(value & 63)) != 0 && marks.contains(scalar)
    }
}
