import Foundation
import XiezuoCore

/// The tables of one run as a reader finds them: through the output directory's `current`
/// symlink (`OutputLayout`), read back through libcsv as dictionaries by column name. Every
/// test reads the outputs through here, so the layout is known in one place.
struct OutputTables {
    /// The output directory (`--output`).
    let directory: URL

    /// The set of tables `current` points at now.
    var tableSet: URL { directory.appendingPathComponent(OutputLayout.current).resolvingSymlinksInPath() }

    func csv(_ table: String) -> URL { tableSet.appendingPathComponent(OutputLayout.csv(table)) }

    func parquet(_ table: String) -> URL { tableSet.appendingPathComponent(OutputLayout.parquet(table)) }

    var runReport: URL { tableSet.appendingPathComponent(OutputLayout.runReport) }

    var dataPackage: URL { tableSet.appendingPathComponent(OutputLayout.dataPackage) }

    func rows(_ table: String) throws -> [[String: String]] {
        let records = try CSVReader.records(atPath: csv(table).path)
        guard let header = records.first else { return [] }
        return records.dropFirst().map { record in
            var row: [String: String] = [:]
            for (name, value) in zip(header, record) { row[name ?? ""] = value ?? "" }
            return row
        }
    }

    func header(_ table: String) throws -> [String] {
        try CSVReader.records(atPath: csv(table).path).first?.map { $0 ?? "" } ?? []
    }

    /// The bytes of a file of the set, by its path in `OutputLayout` (`csv/jobs.csv`, `run.json`).
    func bytes(_ file: String) throws -> Data {
        try Data(contentsOf: tableSet.appendingPathComponent(file))
    }

    /// `run.json`, decoded.
    func report() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: runReport)) as? [String: Any] ?? [:]
    }

    /// Whether a set of tables has been published (`current` exists).
    var exists: Bool { FileManager.default.fileExists(atPath: directory.appendingPathComponent(OutputLayout.current).path) }
}
