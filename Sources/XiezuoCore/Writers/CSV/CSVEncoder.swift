/// Turns rows into CSV bytes: comma-separated, text fields quoted by libcsv, records ended
/// by `\n` (or `\r\n` for Excel).
public struct CSVEncoder: Sendable {
    public var lineEnding: [UInt8]

    public init(crlf: Bool = false) {
        lineEnding = crlf ? [13, 10] : [10]
    }

    public func append(_ row: [CSVField], to output: inout [UInt8], scratch: inout [UInt8]) {
        for (index, field) in row.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            switch field {
            case .text(let value):
                LibCSV.appendQuoted(value, to: &output, scratch: &scratch)
            case .number(let value):
                output.append(contentsOf: value.utf8)
            case .empty:
                break
            }
        }
        output.append(contentsOf: lineEnding)
    }
}
