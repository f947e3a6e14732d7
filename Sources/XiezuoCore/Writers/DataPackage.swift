/// `datapackage.json`: the Frictionless Data Package describing the CSV tables, so BI tools and
/// `frictionless validate` know every column's type, meaning and keys.
enum DataPackage {
    static func json(formats: [OutputFormat]) -> [UInt8] {
        document(formats: formats).bytes + [10]
    }

    /// The package as a JSON value.
    static func document(formats: [OutputFormat]) -> PrettyJSON {
        var resources: [PrettyJSON] = []
        for schema in TableSchema.all {
            var tableSchema: [String: PrettyJSON] = [
                "fields": .array(schema.columns.map(field)),
                "missingValues": .array([.string("")]),
            ]
            if !schema.primaryKey.isEmpty { tableSchema["primaryKey"] = .array(schema.primaryKey.map(PrettyJSON.string)) }
            if let reference = schema.documentReference {
                // Every reference to a document is by documents.doc_id, unique per row; "" is
                // Table Schema's name for the resource itself (documents.duplicate_of).
                let resource = schema.name == TableSchema.documents.name ? "" : TableSchema.documents.name
                tableSchema["foreignKeys"] = .array([
                    .object([
                        "fields": .array([.string(reference)]),
                        "reference": .object(["resource": .string(resource), "fields": .array([.string("doc_id")])]),
                    ])
                ])
            }
            var resource: [String: PrettyJSON] = [
                "name": .string(schema.name), "path": .string(OutputLayout.csv(schema.name)),
                "profile": .string("tabular-data-resource"), "format": .string("csv"), "mediatype": .string("text/csv"),
                "encoding": .string("utf-8"), "description": .string(schema.description), "schema": .object(tableSchema),
            ]
            if formats.contains(.parquet) {
                resource["sources"] = .array([
                    .object(["title": .string("also as Parquet"), "path": .string(OutputLayout.parquet(schema.name))])
                ])
            }
            resources.append(.object(resource))
        }
        return .object([
            "name": .string("xiezuo-tables"), "title": .string("xiezuo: figures of China's regional cooperation programmes"),
            "profile": .string("tabular-data-package"), "resources": .array(resources),
        ])
    }

    private static func field(_ column: TableColumn) -> PrettyJSON {
        var field: [String: PrettyJSON] = ["name": .string(column.name), "description": .string(column.description)]
        switch column.type {
        case .text: field["type"] = .string("string")
        case .year, .integer: field["type"] = .string("integer")
        case .date: field["type"] = .string("date")
        case .money: field["type"] = .string("number")
        }
        if !column.optional { field["constraints"] = .object(["required": .bool(true)]) }
        return .object(field)
    }
}
