/// Writes one table as CSV: an optional byte order mark, a header row, then rows, every
/// text field quoted by libcsv.
final class CSVTableWriter: TableSink {
    let schema: TableSchema
    private let file: BufferedFileWriter
    private let encoder: CSVEncoder
    private var scratch: [UInt8] = []

    init(schema: TableSchema, path: String, excel: Bool) throws(OutputError) {
        self.schema = schema
        encoder = CSVEncoder(excel: excel)
        file = try BufferedFileWriter(path: path)
        // Excel reads a BOM-less CSV as the local code page, which garbles Chinese.
        if excel { try file.write([0xEF, 0xBB, 0xBF]) }
        try file.withBuffer { buffer in
            encoder.append(schema.columnNames.map(CSVField.text), to: &buffer, scratch: &scratch)
        }
    }

    func write(_ row: [TableValue]) throws(OutputError) {
        precondition(row.count == schema.columns.count, "a \(schema.name) row must have \(schema.columns.count) fields")
        // Each value printed straight into the file's buffer, as `TableValue.csvField` says,
        // without making a `CSVField` (and a string for each number) first.
        try file.withBuffer { buffer in
            for (index, value) in row.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                switch value {
                case .text(let text?): encoder.appendText(text, to: &buffer, scratch: &scratch)
                case .integer(let number?): CSVEncoder.appendInteger(number, to: &buffer)
                case .date(let date?): encoder.appendText(date.description, to: &buffer, scratch: &scratch)
                case .decimal(let decimal?): buffer.append(contentsOf: decimal.description.utf8)
                case .text(nil), .integer(nil), .date(nil), .decimal(nil): break
                }
            }
            encoder.endRecord(&buffer)
        }
    }

    func close() throws(OutputError) {
        try file.close()
    }
}
