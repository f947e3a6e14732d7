/// Turns rows into CSV bytes: comma-separated, text fields quoted by libcsv, records ended
/// by `\n` (or `\r\n` for Excel).
public struct CSVEncoder: Sendable {
    public var lineEnding: [UInt8]
    /// Whether a text field that a spreadsheet would read as a formula gets a leading `'`.
    public var neutralizesFormulas: Bool

    /// `excel`: CRLF line endings and formula neutralising, for files opened by double-click.
    public init(excel: Bool) {
        self.init(crlf: excel, neutralizesFormulas: excel)
    }

    public init(crlf: Bool = false, neutralizesFormulas: Bool = false) {
        lineEnding = crlf ? [13, 10] : [10]
        self.neutralizesFormulas = neutralizesFormulas
    }

    public func append(_ row: [CSVField], to output: inout [UInt8], scratch: inout [UInt8]) {
        for (index, field) in row.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            switch field {
            case .text(let value):
                appendText(value, to: &output, scratch: &scratch)
            case .number(let value):
                output.append(contentsOf: value.utf8)
            case .empty:
                break
            }
        }
        endRecord(&output)
    }

    /// One text field, quoted by libcsv (and neutralised, if asked): what `.text` writes.
    func appendText(_ value: String, to output: inout [UInt8], scratch: inout [UInt8]) {
        let text = neutralizesFormulas && Self.startsLikeAFormula(value) ? "'" + value : value
        LibCSV.appendQuoted(text, to: &output, scratch: &scratch)
    }

    /// An integer's decimal digits, the bytes of `.number(String(value))` without making the
    /// string: a table writer prints millions of them.
    static func appendInteger(_ value: Int, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // Digits from the right into a stack buffer (20 holds UInt64.max), then one append.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    func endRecord(_ output: inout [UInt8]) {
        output.append(contentsOf: lineEnding)
    }

    /// Text that Excel, LibreOffice or Google Sheets would evaluate when the cell is opened:
    /// it starts with `=`, `+`, `-` or `@` (a formula, `@cmd|' /C calc'!A0` a DDE call), or with
    /// a tab or carriage return that the reader may strip before one. OWASP's advice ("CSV
    /// Injection") is a leading single quote, which makes the cell plain text in all of them.
    /// Numbers are `.number` fields and never pass here, so `-5` stays a number.
    static func startsLikeAFormula(_ text: String) -> Bool {
        switch text.utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }
}
