/// Collects the text of an HTML page as the plain text the later steps read: white space
/// collapsed as a browser collapses it, line breaks only where the layout breaks, and a blank
/// line between blocks.
///
/// A run of white space in the source becomes one space, except that a run containing a
/// line break between two wide (CJK) characters disappears: HTML authors wrap Chinese
/// paragraphs anywhere, and a space inside a Chinese sentence would be read as a column
/// break. Breaks are only written between text, never at the start or the end.
///
/// For every line it writes (the text split at LF, blank lines included) it keeps the lines
/// of the page its scalars came from, so that cleaned paragraphs can be traced back to the
/// page's bytes (`SourceSpan`).
struct HTMLTextWriter {
    private(set) var scalars: [Unicode.Scalar] = []
    /// 0-based page lines of each written line; nil for a blank line or text with no known line.
    private(set) var lineOrigins = PageLineOrigins()
    /// The 0-based page line of the scalar being appended, when known.
    private var pageLine: Int?
    /// 0: none, 1: a line break, 2: a blank line.
    private var pendingBreak = 0
    private var pendingSpace = false
    private var spaceHadLineBreak = false
    /// The last scalar written on the current line; nil at the start of a line.
    private var last: Unicode.Scalar?

    /// Appends `text`; `endLine` is the 1-based page line on which the text ends (libxml2
    /// records where a text node closes), from which the line of each scalar is counted back.
    mutating func append(_ text: String, preformatted: Bool, endLine: Int? = nil) {
        pageLine = endLine.map { $0 - 1 - text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } }
        for scalar in text.unicodeScalars {
            if scalar.value == 0x0A, let line = pageLine { pageLine = line + 1 }
            switch scalar.value {
            case 0x0A, 0x0D:
                if preformatted {
                    lineBreak()
                } else {
                    pendingSpace = true
                    spaceHadLineBreak = true
                }
            case 0x20, 0x09, 0x0C:
                pendingSpace = true
            default:
                write(scalar)
            }
        }
    }

    /// Appends `text`, already laid out as one line, as a block of its own that came from the
    /// page lines `origin`.
    mutating func appendBlock(_ text: [Unicode.Scalar], origin: ClosedRange<Int>?) {
        guard !text.isEmpty else { return }
        blockBreak()
        pageLine = nil
        for scalar in text { write(scalar) }
        lineOrigins[lineOrigins.count - 1] = origin
        blockBreak()
    }

    mutating func lineBreak() {
        pendingBreak = max(pendingBreak, 1)
    }

    mutating func blockBreak() {
        pendingBreak = 2
    }

    mutating func space() {
        pendingSpace = true
    }

    private mutating func write(_ scalar: Unicode.Scalar) {
        if pendingBreak > 0 {
            if !scalars.isEmpty {
                for _ in 0..<pendingBreak {
                    scalars.append("\n")
                    lineOrigins.append(nil)
                }
            }
            pendingBreak = 0
            last = nil
        } else if pendingSpace, let last, !(spaceHadLineBreak && Self.isWide(last) && Self.isWide(scalar)) {
            scalars.append(" ")
        }
        pendingSpace = false
        spaceHadLineBreak = false
        scalars.append(scalar)
        last = scalar
        if lineOrigins.isEmpty { lineOrigins.append(nil) }
        if let pageLine, pageLine >= 0 {
            let current = lineOrigins[lineOrigins.count - 1]
            lineOrigins[lineOrigins.count - 1] =
                min(current?.lowerBound ?? pageLine, pageLine)...max(current?.upperBound ?? pageLine, pageLine)
        }
    }

    /// CJK characters and punctuation, full-width forms, kana, hangul: the scripts written
    /// without spaces between words.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x2E80
    }
}
