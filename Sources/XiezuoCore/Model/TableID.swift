/// The ids of the output tables. Each is a short lowercase word, a hyphen and 16 hex digits
/// (`doc-0e92978232608113`): the letters in front make sure that no spreadsheet reads an id
/// as a number (LibreOffice and Excel turn `0e92978232608113` into 0 and round
/// `6290289244603783` to 15 digits), and the same text is written to CSV and Parquet.
public enum TableID {
    /// `documents.doc_id`: one article of one source, unique per row. It changes when the
    /// article's text changes, so a fact id never stands for two different figures.
    public static func document(source: String, part: Int, textHash: String) -> String {
        // The hash of "\(source)\0\(part)\0\(textHash)", folded piece by piece: no string is built.
        var hash = StableHash.adding(source, to: StableHash.offsetBasis)
        hash = StableHash.adding(0, to: hash)
        hash = StableHash.adding(decimal: part, to: hash)
        hash = StableHash.adding(0, to: hash)
        hash = StableHash.adding(textHash, to: hash)
        return StableHash.hex(hash, prefix: "doc-")
    }

    /// `fact_id`: a figure of one document, at its offset in the cleaned text.
    public static func fact(documentID: String, offset: Int) -> String {
        // The hash of "\(documentID):\(offset)", folded piece by piece.
        var hash = StableHash.adding(documentID, to: StableHash.offsetBasis)
        hash = StableHash.adding(0x3A, to: hash)
        hash = StableHash.adding(decimal: offset, to: hash)
        return StableHash.hex(hash, prefix: "fact-")
    }

    /// `documents.text_id`: the cleaned text alone; identical copies share it.
    public static func text(hash: String) -> String {
        "text-" + hash
    }
}
