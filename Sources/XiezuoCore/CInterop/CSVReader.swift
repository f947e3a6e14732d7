import Foundation

/// Reads a whole CSV file through libcsv. Used for the project's data files (gazetteer,
/// de-spinning dictionary) and by the tests to read the tables back.
public enum CSVReader {
    /// Every record of `bytes`; unquoted empty fields are `nil`.
    public static func records(of bytes: [UInt8]) throws(CSVError) -> [[String?]] {
        let parser = try LibCSV.Parser()
        var result: [[String?]] = []
        var start = 0
        // Skip a UTF-8 byte order mark, which Excel-oriented files start with.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let parsed: Result<[[String?]], CSVError> = bytes[start...].withUnsafeBytes { buffer in
            do throws(CSVError) {
                return .success(try parser.parse(buffer))
            } catch {
                return .failure(error)
            }
        }
        result += try parsed.get()
        result += try parser.finish()
        return result
    }

    /// Every record of the file at `path`.
    public static func records(atPath path: String) throws(CSVError) -> [[String?]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVError(message: "cannot read the file", path: path)
        }
        do {
            return try records(of: [UInt8](data))
        } catch {
            var located = error
            located.path = path
            throw located
        }
    }
}
