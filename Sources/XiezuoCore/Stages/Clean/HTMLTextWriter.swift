/// Collects the text of an HTML page as the plain text the later steps read: white space
/// collapsed as a browser collapses it, line breaks only where the layout breaks, and a blank
/// line between blocks.
///
/// A run of white space in the source becomes one space, except that a run containing a
/// line break between two wide (CJK) characters disappears: HTML authors wrap Chinese
/// paragraphs anywhere, and a space inside a Chinese sentence would be read as a column
/// break. Breaks are only written between text, never at the start or the end.
struct HTMLTextWriter {
    private(set) var scalars: [Unicode.Scalar] = []
    /// 0: none, 1: a line break, 2: a blank line.
    private var pendingBreak = 0
    private var pendingSpace = false
    private var spaceHadLineBreak = false
    /// The last scalar written on the current line; nil at the start of a line.
    private var last: Unicode.Scalar?

    mutating func append(_ text: String, preformatted: Bool) {
        for scalar in text.unicodeScalars {
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
                for _ in 0..<pendingBreak { scalars.append("\n") }
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
    }

    /// CJK characters and punctuation, full-width forms, kana, hangul: the scripts written
    /// without spaces between words.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x2E80
    }
}
