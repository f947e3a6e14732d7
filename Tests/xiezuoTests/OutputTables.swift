import Foundation
import XiezuoCore

/// The tables of one run, read back through libcsv, as dictionaries by column name.
struct OutputTables {
    let directory: URL

    func rows(_ table: String) throws -> [[String: String]] {
        let records = try CSVReader.records(atPath: directory.appendingPathComponent("\(table).csv").path)
        guard let header = records.first else { return [] }
        return records.dropFirst().map { record in
            var row: [String: String] = [:]
            for (name, value) in zip(header, record) { row[name ?? ""] = value ?? "" }
            return row
        }
    }

    func header(_ table: String) throws -> [String] {
        try CSVReader.records(atPath: directory.appendingPathComponent("\(table).csv").path).first?.map { $0 ?? "" } ?? []
    }

    func bytes(_ file: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(file))
    }
}
