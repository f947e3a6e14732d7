/// The writers of one run, every table in every configured format, inside the staging directory.
final class TableSet {
    private var sinks: [String: [any TableSink]] = [:]
    /// The workbook holding every table's sheet (format xlsx), closed after them.
    private var workbook: XlsxTableWorkbook?

    init(staging: OutputStaging, output: OutputConfig, run: RunStamp) throws(OutputError) {
        if output.formats.contains(.xlsx) {
            workbook = try XlsxTableWorkbook(
                path: staging.path(for: OutputLayout.workbook), temporaryDirectory: staging.staging, run: run,
                dataRowsPerSheet: output.xlsxRowsPerSheet)
        }
        for schema in TableSchema.all {
            var tableSinks: [any TableSink] = []
            for format in output.formats {
                switch format {
                case .csv:
                    tableSinks.append(
                        try CSVTableWriter(
                            schema: schema, path: staging.path(for: OutputLayout.csv(schema.name)), excel: output.excel)
                    )
                case .parquet:
                    tableSinks.append(
                        try ParquetTableWriter(
                            schema: schema, path: staging.path(for: OutputLayout.parquet(schema.name)),
                            rowGroupRows: output.rowGroupRows
                        )
                    )
                case .xlsx:
                    if let workbook { tableSinks.append(try workbook.sheet(for: schema)) }
                }
            }
            sinks[schema.name] = tableSinks
        }
    }

    func write(_ row: [TableValue], to schema: TableSchema) throws(OutputError) {
        for sink in sinks[schema.name] ?? [] { try sink.write(row) }
    }

    func close() throws(OutputError) {
        for schema in TableSchema.all {
            for sink in sinks[schema.name] ?? [] { try sink.close() }
        }
        try workbook?.close()
    }
}
