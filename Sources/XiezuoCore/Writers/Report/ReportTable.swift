import Foundation

/// One CSV table of a set, read whole through libcsv, rows as dictionaries by column name
/// (empty fields are absent).
struct ReportTable {
    let rows: [[String: String]]

    init(set directory: String, table: String) throws(ReportError) {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(OutputLayout.csv(table)).path
        let records: [[String?]]
        do {
            records = try CSVReader.records(atPath: path)
        } catch {
            throw ReportError(path: path, message: "\(error); the report reads the CSV tables, so \"csv\" must be in output.formats")
        }
        guard let header = records.first else { rows = []; return }
        rows = records.dropFirst().map { record in
            var row: [String: String] = [:]
            for (name, value) in zip(header, record) {
                if let name, let value, !value.isEmpty { row[name] = value }
            }
            return row
        }
    }
}
