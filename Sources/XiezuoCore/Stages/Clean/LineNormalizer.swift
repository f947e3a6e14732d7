/// Step 2 of clean: scalars to normalised, trimmed, non-blank lines.
///
/// Normalisation only makes equal things equal (full-width ASCII letters and digits, odd
/// spaces, line endings); it never changes Chinese punctuation, which carries meaning for the
/// later steps (，and 。 are ordinary Chinese text). Every change maps one scalar to one
/// scalar or to whitespace, so offsets stay meaningful and `removedChars` can count
/// non-space scalars before and after.
enum LineNormalizer {
    /// Splits on LF, CR LF, CR, NEL, U+2028 and U+2029 and drops blank lines, recording the
    /// blank lines as block boundaries.
    static func lines(of scalars: [Unicode.Scalar]) -> [TextLine] {
        var lines: [TextLine] = []
        var current: [Unicode.Scalar] = []
        var block = 0
        var sawBlank = false
        var index = 0
        func finishLine() {
            let normalized = normalize(current)
            if normalized.isEmpty {
                sawBlank = true
            } else {
                if sawBlank, !lines.isEmpty { block += 1 }
                sawBlank = false
                lines.append(TextLine(scalars: normalized, block: block))
            }
            current.removeAll(keepingCapacity: true)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar.value {
            case 0x0A, 0x85, 0x2028, 0x2029:
                finishLine()
            case 0x0D:
                finishLine()
                if index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
            default:
                current.append(scalar)
            }
            index += 1
        }
        finishLine()
        return lines
    }

    /// One line: width-folds, turns every kind of space into one ASCII space, drops
    /// invisible characters, collapses runs of spaces and trims.
    static func normalize(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(line.count)
        var pendingSpace = false
        for (index, scalar) in line.enumerated() {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if isInvisible(scalar) { continue }
            var folded = fold(scalar)
            // ． is a decimal point only between digits (１２．５); elsewhere it stays as written.
            if scalar.value == 0xFF0E, let previous = result.last, isDigit(previous), !pendingSpace,
                index + 1 < line.count, isDigit(fold(line[index + 1]))
            {
                folded = "."
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(folded)
        }
        return result
    }

    /// Full-width digits, Latin letters and ％ to their ASCII forms; everything else as is.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF05:
            return Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        default:
            return scalar
        }
    }

    /// Tabs, no-break and ideographic spaces and the typographic spaces all read as one space.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Characters that show nothing: controls, zero-width marks, a byte order mark inside the
    /// text. They are dropped and, like whitespace, not counted as removed.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF: return true
        default: return isSpace(scalar)
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }
}
