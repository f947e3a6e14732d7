/// Step 2 of clean: scalars to normalised, trimmed, non-blank lines.
///
/// Normalisation only makes equal things equal (full-width ASCII letters and digits, odd
/// spaces, line endings); it never changes Chinese punctuation, which carries meaning for the
/// later steps (，and 。 are ordinary Chinese text). Every change maps one scalar to one
/// scalar or to whitespace, so offsets stay meaningful and `removedChars` can count
/// non-space scalars before and after.
enum LineNormalizer {
    /// Splits on LF, CR LF, CR, NEL, U+2028 and U+2029, normalises each line in the same pass,
    /// and drops blank lines, recording them as block boundaries.
    ///
    /// Normalised text never outgrows its input, so the pass writes into one buffer of the
    /// input's size, which the lines are ranges of (`NormalizedText`): no line is copied.
    ///
    /// Each line records the source lines it came from: its own 0-based line number, counted
    /// at LF, CR LF and CR as an editor counts them (NEL, U+2028 and U+2029 split a line but
    /// start no new one), or, for HTML, that number looked up in `origins`.
    ///
    /// Direction controls (`isDirectionControl`) are dropped like the other invisible
    /// characters but, unlike them, counted in the line's `droppedControls`, so that
    /// `removedChars` shows that the text was altered: they can change the order in which a
    /// page showed a figure's digits. Controls on blank lines count for the next line.
    static func lines(of scalars: [Unicode.Scalar], origins: PageLineOrigins? = nil) -> NormalizedText {
        var ranges: [(range: Range<Int>, block: Int, line: Int, controls: Int, spaces: Int)] = []
        // The input is read through a buffer pointer: the loop runs once per scalar of every source.
        let buffer = scalars.withUnsafeBufferPointer { scalars in
            [Unicode.Scalar](unsafeUninitializedCapacity: scalars.count) { output, written in
                var block = 0
                var sawBlank = false
                var pendingSpace = false
                var lineStart = 0
                var end = 0
                var index = 0
                var line = 0
                var controls = 0
                // Spaces written on the current line: a line's weight is its length without them.
                var spaces = 0
                let count = scalars.count
                while index <= count {
                    let scalar: Unicode.Scalar = index < count ? scalars[index] : "\n"
                    if isPlain(scalar) {
                        // Most scalars of a page (Han, kana, CJK punctuation, printable ASCII):
                        // written as they are, past the checks below, none of which they meet.
                        if pendingSpace {
                            output.initializeElement(at: end, to: " ")
                            end += 1
                            spaces += 1
                            pendingSpace = false
                        }
                        output.initializeElement(at: end, to: scalar)
                        end += 1
                        // The rest of the run of plain scalars, copied without the other checks.
                        index += 1
                        while index < count, isPlain(scalars[index]) {
                            output.initializeElement(at: end, to: scalars[index])
                            end += 1
                            index += 1
                        }
                        continue
                    } else if isLineBreak(scalar) {
                        if end == lineStart {
                            sawBlank = true
                        } else {
                            if sawBlank, !ranges.isEmpty { block += 1 }
                            sawBlank = false
                            ranges.append((lineStart..<end, block, line, controls, spaces))
                            controls = 0
                            spaces = 0
                            lineStart = end
                        }
                        pendingSpace = false
                        if scalar == "\r", index + 1 < count, scalars[index + 1] == "\n" { index += 1 }
                        if scalar == "\n" || scalar == "\r" { line += 1 }
                    } else if isSpace(scalar) {
                        pendingSpace = end > lineStart
                    } else if !isInvisible(scalar) {
                        var folded = fold(scalar)
                        // ． is a decimal point only between digits (１２．５); elsewhere it stays.
                        if scalar.value == 0xFF0E, !pendingSpace, end > lineStart, isDigit(output[end - 1]),
                            index + 1 < count, isDigit(fold(scalars[index + 1]))
                        {
                            folded = "."
                        }
                        if pendingSpace {
                            // A space is only kept between two visible scalars, so it replaces at least
                            // one input scalar (the space itself): the output never outgrows the input.
                            output.initializeElement(at: end, to: " ")
                            end += 1
                            spaces += 1
                            pendingSpace = false
                        }
                        output.initializeElement(at: end, to: folded)
                        end += 1
                    } else if isDirectionControl(scalar) {
                        controls += 1
                    }
                    index += 1
                }
                written = end
                // Controls after the last line (on trailing blank lines) count for that line.
                if controls > 0, !ranges.isEmpty { ranges[ranges.count - 1].controls += controls }
            }
        }
        let lines = ranges.map { range in
            let origin: ClosedRange<Int>? =
                if let origins { range.line < origins.count ? origins[range.line] : nil } else { range.line...range.line }
            return NormalizedText.Line(
                range: range.range, weight: range.range.count - range.spaces, block: range.block, origin: origin,
                droppedControls: range.controls)
        }
        return NormalizedText(scalars: buffer, lines: lines)
    }

    /// The number of lines `lines(of:)` would return, counted without making them.
    static func nonBlankLineCount(of scalars: [Unicode.Scalar]) -> Int {
        var count = 0
        var visible = false
        for scalar in scalars {
            if isPlain(scalar) {
                visible = true
            } else if isLineBreak(scalar) {
                if visible { count += 1 }
                visible = false
            } else if !visible, !isSpace(scalar), !isInvisible(scalar) {
                visible = true
            }
        }
        return visible ? count + 1 : count
    }

    /// One line, normalised like the text (used for configured patterns).
    static func normalize(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let normalized = lines(of: line)
        return normalized.lines.first.map { Array(normalized.scalars[$0.range]) } ?? []
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

    /// Scalars that are no line break, space or invisible character and that `fold` keeps:
    /// printable ASCII and U+3001–U+FEFE (CJK punctuation through the Han ideographs and
    /// Hangul; the full-width forms and the byte order mark lie above it).
    @inline(__always)
    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 0x21 && value <= 0x7E) || (value >= 0x3001 && value < 0xFEFF)
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
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
    /// text, direction controls. They are dropped; all but the direction controls are, like
    /// whitespace, not counted as removed.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF: return true
        default: return isDirectionControl(scalar) || isSpace(scalar)
        }
    }

    /// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the
    /// Arabic letter mark and the deprecated format characters U+206A–U+206F. Inside a figure
    /// (`3\u{202E}00\u{202C}人`) they split it, so the figure was lost; a page may also show the
    /// digits they enclose in reverse. They are dropped and counted in `removedChars`.
    static func isDirectionControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x202A...0x202E, 0x2066...0x206F: return true
        default: return false
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }
}
