/// Clause boundaries inside a sentence: commas, colons and the like. The enumeration comma
/// 、 does not end a clause (it separates items of one list).
enum ClauseBounds {
    /// ，, ：: ；; 。！？ （( ）) “ ” — a `switch` rather than a `Set`: this is asked for every
    /// scalar walked back or forward from each figure, year and place.
    @inline(__always)
    static func isDelimiter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFF0C, 0x2C, 0xFF1A, 0x3A, 0xFF1B, 0x3B, 0x3002, 0xFF01, 0xFF1F, 0xFF08, 0x28, 0xFF09, 0x29,
            0x201C, 0x201D:
            return true
        default:
            return false
        }
    }

    /// Start of the clause holding `position`, not before `floor`.
    static func start(before position: Int, in text: [Unicode.Scalar], floor: Int) -> Int {
        var index = position
        while index > floor, !isDelimiter(text[index - 1]) { index -= 1 }
        return index
    }

    /// End of the clause that holds `position`, not after `ceiling`.
    static func end(after position: Int, in text: [Unicode.Scalar], ceiling: Int) -> Int {
        var index = position
        while index < ceiling, !isDelimiter(text[index]) { index += 1 }
        return index
    }
}
