import Foundation

/// `xiezuo map --describe`: what a distributed runner needs to write the same tables as
/// `run` without a copy of xiezuo's rules: every table's columns and types (`TableSchema`),
/// the fact tables and categories in their order, the settings of the configuration that act
/// on the whole run, and `datapackage.json` as `run` writes it.
public enum MapDescription {
    public static func json(config: PipelineConfig) -> [UInt8] {
        let tables: [[String: Any]] = TableSchema.all.map { schema in
            [
                "name": schema.name,
                "columns": schema.columns.map { column in
                    ["name": column.name, "type": typeName(column.type), "optional": column.optional] as [String: Any]
                },
            ]
        }
        let object: [String: Any] = [
            "xiezuo_version": XiezuoVersion.current,
            "config_hash": config.hash,
            "tables": tables,
            "fact_tables": FactTable.allCases.map(\.rawValue),
            "categories": FactCategory.allCases.map(\.rawValue),
            "config": [
                "max_bytes": config.fetch.maxBytes,
                "dedupe_enabled": config.dedupe.enabled,
                "threshold": config.dedupe.nearDuplicates.threshold,
                "group_by": config.aggregate.groupBy.map(\.rawValue),
                "formats": config.output.formats.map(\.rawValue),
                "excel": config.output.excel,
            ] as [String: Any],
            "datapackage": Data(DataPackage.json(formats: config.output.formats)).base64EncodedString(),
        ]
        // Once per job, with a float and booleans among its values: Foundation's writer is fine here.
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return [UInt8](data) + [10]
    }

    private static func typeName(_ type: ColumnType) -> String {
        switch type {
        case .text: "text"
        case .year: "year"
        case .integer: "integer"
        case .date: "date"
        case .money: "money"
        }
    }
}
