/// A column of an output table, with what readers need to know of it.
public struct TableColumn: Sendable, Equatable {
    public var name: String
    public var type: ColumnType
    /// Whether the value may be unknown (empty in CSV, NULL in Parquet).
    public var optional: Bool
    /// Low-cardinality text (category, qualifier, region): dictionary-encoded in Parquet.
    public var dictionary: Bool
    /// What the column means, from EXTRACTION.md; written into datapackage.json.
    public var description: String

    public init(_ name: String, _ type: ColumnType, optional: Bool = false, dictionary: Bool = false, _ description: String) {
        self.name = name
        self.type = type
        self.optional = optional
        self.dictionary = dictionary
        self.description = description
    }
}
