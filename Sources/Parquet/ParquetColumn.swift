/// One column of a flat Parquet schema (a leaf directly under the root).
public struct ParquetColumn: Sendable, Equatable {
    /// The column name as readers show it; must be non-empty and unique in the file.
    public var name: String
    public var type: ParquetType
    /// OPTIONAL (may hold NULL) when true, REQUIRED otherwise.
    public var optional: Bool
    /// Dictionary-encode the column (a PLAIN dictionary page plus RLE_DICTIONARY data pages).
    /// Only for `.string` columns: low-cardinality text such as region or category names
    /// shrinks several-fold and readers can keep it dictionary-encoded in memory. A row group
    /// whose dictionary grows too large falls back to PLAIN for that column chunk.
    public var dictionary: Bool

    public init(name: String, type: ParquetType, optional: Bool = false, dictionary: Bool = false) {
        self.name = name
        self.type = type
        self.optional = optional
        self.dictionary = dictionary
    }
}
