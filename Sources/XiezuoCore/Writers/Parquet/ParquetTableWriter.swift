import Foundation
import Parquet

/// Writes one table as Parquet, with the column types of its schema.
final class ParquetTableWriter: TableSink {
    let schema: TableSchema
    private let writer: ParquetFileWriter
    /// Each column's type, apart: copying a `TableColumn` per cell (its name and description
    /// retained and released) cost more than converting the value.
    private let types: [ColumnType]

    /// A row group also closes at 4 MiB of buffered values: the fact tables' evidence sentences
    /// would make 131,072 rows tens of MiB per table, held at once for every table.
    static let rowGroupBytes = 4 << 20

    init(schema: TableSchema, path: String, rowGroupRows: Int) throws(OutputError) {
        self.schema = schema
        types = schema.columns.map(\.type)
        let columns = schema.columns.map { column in
            ParquetColumn(
                name: column.name, type: Self.parquetType(column.type), optional: column.optional,
                dictionary: column.dictionary
            )
        }
        // Created here, like every staged file, with O_EXCL and never through a link.
        let handle: FileHandle
        do {
            handle = try PlainFile.createNew(path)
        } catch {
            throw OutputError(path: path, message: "the file cannot be created: \(error.reason)")
        }
        do {
            writer = try ParquetFileWriter(
                path: path, columns: columns, rowGroupRows: rowGroupRows, rowGroupBytes: Self.rowGroupBytes, handle: handle
            )
        } catch {
            throw OutputError(path: path, message: error.message)
        }
    }

    func write(_ row: [TableValue]) throws(OutputError) {
        // A local array: a stored one would pay an exclusivity check per cell.
        var values: [ParquetValue?] = []
        values.reserveCapacity(types.count)
        for index in 0..<min(row.count, types.count) {
            values.append(try parquetValue(row[index], column: index))
        }
        do {
            try writer.append(values)
        } catch {
            throw OutputError(path: writer.path, message: error.message)
        }
    }

    func close() throws(OutputError) {
        do {
            try writer.close()
        } catch {
            throw OutputError(path: writer.path, message: error.message)
        }
    }

    static func parquetType(_ type: ColumnType) -> ParquetType {
        switch type {
        case .text: return .string
        case .year: return .int32
        case .integer: return .int64
        case .date: return .date
        case .money: return .decimal(precision: 18, scale: 2)
        }
    }

    private func parquetValue(_ value: TableValue, column index: Int) throws(OutputError) -> ParquetValue? {
        switch (value, types[index]) {
        case (.text(let text), .text):
            return text.map(ParquetValue.string)
        case (.integer(let integer), .year):
            guard let integer else { return nil }
            guard let year = Int32(exactly: integer) else {
                throw OutputError(path: writer.path, message: "\(schema.columns[index].name) value \(integer) does not fit INT32")
            }
            return .int32(year)
        case (.integer(let integer), .integer):
            return integer.map { .int64(Int64($0)) }
        case (.integer(let integer), .money):
            guard let integer else { return nil }
            let (cents, overflow) = Int64(integer).multipliedReportingOverflow(by: 100)
            guard !overflow else {
                throw OutputError(path: writer.path, message: "\(schema.columns[index].name) value \(integer) does not fit DECIMAL(18,2)")
            }
            return .decimal(cents)
        case (.date(let date), .date):
            return date.map { .date(Int32($0.daysSinceEpoch)) }
        case (.decimal(let decimal), .money):
            guard let decimal else { return nil }
            guard let cents = decimal.significand(atScale: 2) else {
                throw OutputError(path: writer.path, message: "\(schema.columns[index].name) value \(decimal) has more than 2 decimal places")
            }
            return .decimal(cents)
        default:
            throw OutputError(path: writer.path, message: "column \(schema.columns[index].name) got a value of the wrong type")
        }
    }
}
