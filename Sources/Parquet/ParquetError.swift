/// Why a Parquet file could not be written: which file, which column (when one is to
/// blame), what went wrong and what to do about it.
public struct ParquetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file being written, as given to `ParquetFileWriter.init`.
    public var path: String
    /// The column concerned, if the problem is specific to one.
    public var column: String?
    /// What went wrong and, where there is one, the fix.
    public var message: String

    public init(path: String, column: String? = nil, message: String) {
        self.path = path
        self.column = column
        self.message = message
    }

    public var description: String {
        if let column {
            return "cannot write Parquet file \(path), column \"\(column)\": \(message)"
        }
        return "cannot write Parquet file \(path): \(message)"
    }
}
