/// Writes one table as CSV: a header row, then rows, every text field quoted by libcsv.
final class CSVTableWriter {
    let schema: TableSchema
    private let file: BufferedFileWriter
    private let encoder: CSVEncoder
    private var scratch: [UInt8] = []
    private(set) var rows = 0

    init(schema: TableSchema, path: String, encoder: CSVEncoder) throws(OutputError) {
        self.schema = schema
        self.encoder = encoder
        file = try BufferedFileWriter(path: path)
        try file.withBuffer { buffer in encoder.append(schema.columns.map(CSVField.text), to: &buffer, scratch: &scratch) }
    }

    func write(_ row: [CSVField]) throws(OutputError) {
        precondition(row.count == schema.columns.count, "a \(schema.name) row must have \(schema.columns.count) fields")
        try file.withBuffer { buffer in encoder.append(row, to: &buffer, scratch: &scratch) }
        rows += 1
    }

    func close() throws(OutputError) {
        try file.close()
    }
}
