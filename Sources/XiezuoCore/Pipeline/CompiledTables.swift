/// The compiled forms of xiezuo's rule tables, made from the CSV files of a resources directory
/// and written beside them (scripts/compile-resources.sh). Only the gazetteer is compiled: its
/// 43,000 rows took nearly all of a small run's time to load (docs/performance.md, "Start-up");
/// the other tables are a few hundred rows and parse in well under a millisecond.
public enum CompiledTables {
    /// Each compiled file of `directory`'s tables: its name in the directory and its bytes.
    public static func compile(directory: String) throws(GazetteerError) -> [(name: String, bytes: [UInt8])] {
        let source = try GazetteerSource(directory: directory)
        let gazetteer = try source.compiled()
        return [(Gazetteer.imageFileName, gazetteer.image(sourceHash: source.sourceHash))]
    }
}
