/// The CSV writers of one run, all inside the staging directory.
final class TableSet {
    let documents: CSVTableWriter
    let facts: [FactTable: CSVTableWriter]
    let summary: CSVTableWriter
    let rejects: CSVTableWriter

    init(staging: OutputStaging, encoder: CSVEncoder = CSVEncoder()) throws(OutputError) {
        func open(_ schema: TableSchema) throws(OutputError) -> CSVTableWriter {
            try CSVTableWriter(schema: schema, path: staging.path(for: schema.fileName), encoder: encoder)
        }
        documents = try open(.documents)
        var facts: [FactTable: CSVTableWriter] = [:]
        for table in FactTable.allCases { facts[table] = try open(.facts(table)) }
        self.facts = facts
        summary = try open(.summary)
        rejects = try open(.rejects)
    }

    func close() throws(OutputError) {
        try documents.close()
        for table in FactTable.allCases { try facts[table]?.close() }
        try summary.close()
        try rejects.close()
    }
}
