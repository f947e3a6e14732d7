import Foundation
import XCTest

@testable import Parquet

/// Runs the real readers (pyarrow and DuckDB, from PyPI) on a written file through the
/// checker scripts in `Scripts/`, handing them an expectation JSON of the rows written.
/// A missing module makes the script exit 2 with "… is not installed: run
/// scripts/install-deps.sh", which fails the test: these checks are never skipped.
enum ExternalReaders {
    static let scriptsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")

    /// Writes `expected.json` beside `parquetPath` and runs both checkers; each failure is
    /// reported with the checker's output.
    static func verify(
        _ parquetPath: String, columns: [ParquetColumn], rows: [[ParquetValue?]], rowGroupRows: Int,
        maximumDictionaryEntries: Int = 65_536, maximumDictionaryBytes: Int = 1 << 20,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let expectationPath = parquetPath + ".expected.json"
        do {
            let json = try expectation(
                columns: columns, rows: rows, rowGroupRows: rowGroupRows,
                maximumDictionaryEntries: maximumDictionaryEntries, maximumDictionaryBytes: maximumDictionaryBytes
            )
            try json.write(to: URL(fileURLWithPath: expectationPath))
        } catch {
            XCTFail("cannot write the expectation JSON: \(error)", file: file, line: line)
            return
        }
        for script in ["check_pyarrow.py", "check_duckdb.py"] {
            let (status, output) = runPython(script: script, arguments: [parquetPath, expectationPath])
            if status != 0 {
                XCTFail("\(script) failed (exit \(status)):\n\(output)", file: file, line: line)
            }
        }
    }

    /// Runs `python3 Scripts/<script> <arguments>`; returns the exit status and the combined
    /// stdout and stderr.
    static func runPython(script: String, arguments: [String]) -> (Int32, String) {
        let process = Process()
        // scripts/install-deps.sh puts pyarrow and DuckDB into the repository's .venv.
        let venv = scriptsDirectory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".venv/bin/python3")
        if FileManager.default.isExecutableFile(atPath: venv.path) {
            process.executableURL = venv
            process.arguments = [scriptsDirectory.appendingPathComponent(script).path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", scriptsDirectory.appendingPathComponent(script).path] + arguments
        }
        // No __pycache__ in the source tree (SwiftPM would list it as an unhandled file).
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return (-1, "cannot start python3 (\(error)); install Python 3, then pip install pyarrow duckdb")
        }
        // Read before waiting: a full pipe would otherwise block the child forever.
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// The expectation JSON described in `Scripts/expectation.py`.
    static func expectation(
        columns: [ParquetColumn], rows: [[ParquetValue?]], rowGroupRows: Int,
        maximumDictionaryEntries: Int, maximumDictionaryBytes: Int
    ) throws -> Data {
        let columnObjects: [[String: Any]] = columns.map { column in
            var object: [String: Any] = ["name": column.name, "optional": column.optional, "dictionary": column.dictionary]
            switch column.type {
            case .string: object["type"] = "string"
            case .int32: object["type"] = "int32"
            case .int64: object["type"] = "int64"
            case .date: object["type"] = "date"
            case .decimal(let precision, let scale):
                object["type"] = "decimal"
                object["precision"] = precision
                object["scale"] = scale
            }
            return object
        }
        let rowArrays: [[Any]] = rows.map { row in
            zip(row, columns).map { value, column -> Any in
                switch value {
                case nil: return NSNull()
                case .string(let text): return text
                case .int32(let number), .date(let number): return Int(number)
                case .int64(let number): return number
                case .decimal(let unscaled):
                    guard case .decimal(_, let scale) = column.type else { return NSNull() }
                    return decimalString(unscaled, scale: scale)
                }
            }
        }
        let object: [String: Any] = [
            "columns": columnObjects,
            "rows": rowArrays,
            "row_group_rows": rowGroupRows,
            "max_dictionary_entries": maximumDictionaryEntries,
            "max_dictionary_bytes": maximumDictionaryBytes,
            "max_statistics_bytes": ColumnChunkEncoder.maximumStatisticsBytes,
        ]
        return try JSONSerialization.data(withJSONObject: object)
    }

    /// `164000000000` at scale 2 → "1640000000.00"; `-5` → "-0.05".
    static func decimalString(_ unscaled: Int64, scale: Int) -> String {
        let sign = unscaled < 0 ? "-" : ""
        var digits = String(unscaled.magnitude)
        guard scale > 0 else { return sign + digits }
        if digits.count <= scale {
            digits = String(repeating: "0", count: scale - digits.count + 1) + digits
        }
        let point = digits.index(digits.endIndex, offsetBy: -scale)
        return sign + digits[..<point] + "." + digits[point...]
    }
}
