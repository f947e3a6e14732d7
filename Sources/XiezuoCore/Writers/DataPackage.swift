import Foundation

/// `datapackage.json`: the Frictionless Data Package describing the CSV tables, so BI tools and
/// `frictionless validate` know every column's type, meaning and keys.
enum DataPackage {
    static func json(formats: [OutputFormat]) -> [UInt8] {
        var resources: [[String: Any]] = []
        for schema in TableSchema.all {
            var tableSchema: [String: Any] = [
                "fields": schema.columns.map(field),
                "missingValues": [""],
            ]
            if !schema.primaryKey.isEmpty { tableSchema["primaryKey"] = schema.primaryKey }
            if let reference = schema.documentReference {
                // Every reference to a document is by documents.doc_id, unique per row; "" is
                // Table Schema's name for the resource itself (documents.duplicate_of).
                let resource = schema.name == TableSchema.documents.name ? "" : TableSchema.documents.name
                tableSchema["foreignKeys"] = [
                    ["fields": [reference], "reference": ["resource": resource, "fields": ["doc_id"]]]
                ]
            }
            var resource: [String: Any] = [
                "name": schema.name, "path": OutputLayout.csv(schema.name), "profile": "tabular-data-resource", "format": "csv",
                "mediatype": "text/csv", "encoding": "utf-8", "description": schema.description, "schema": tableSchema,
            ]
            if formats.contains(.parquet) {
                resource["sources"] = [["title": "also as Parquet", "path": OutputLayout.parquet(schema.name)]]
            }
            resources.append(resource)
        }
        let package: [String: Any] = [
            "name": "xiezuo-tables", "title": "xiezuo: figures of China's regional cooperation programmes",
            "profile": "tabular-data-package", "resources": resources,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: package, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return [UInt8](data) + [10]
    }

    private static func field(_ column: TableColumn) -> [String: Any] {
        var field: [String: Any] = ["name": column.name, "description": column.description]
        switch column.type {
        case .text: field["type"] = "string"
        case .year, .integer: field["type"] = "integer"
        case .date: field["type"] = "date"
        case .money: field["type"] = "number"
        }
        if !column.optional { field["constraints"] = ["required": true] }
        return field
    }
}
