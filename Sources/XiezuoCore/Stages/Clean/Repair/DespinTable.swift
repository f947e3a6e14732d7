/// The de-spinning dictionary, `Resources/despin.csv` (columns `spun,original,note`, UTF-8,
/// read through libcsv): phrases that content farms' synonym spinners produce, in Simplified
/// form (the table is applied after OpenCC), and what the page originally said.
///
/// Entries are mostly phrases with context (村平易近 → 村民, 中间城市 → 中心城市) because the bare
/// substitutes are often real words (中间, 改造, 支出, 焦点). An entry whose `original` equals its
/// `spun` is a guard: being longer, it wins the longest match and keeps a real word intact
/// (年夜饭, 平易近人). Every entry carries a note saying what it means, so the table can be
/// reviewed without this code.
struct DespinTable: Sendable {
    static let header = ["spun", "original", "note"]

    /// Spun phrases, normalised like the article text.
    let spun: [[Unicode.Scalar]]
    /// The replacement for `spun[i]`.
    let original: [[Unicode.Scalar]]
    /// The `spun` phrases; word `i` is entry `i`.
    let trie: ScalarTrie

    var count: Int { spun.count }

    /// Builds the table from the CSV's records, header first; `path` only names the file in errors.
    init(records: [[String?]], path: String) throws(CleanSetupError) {
        func invalid(_ message: String, record: Int? = nil) -> CleanSetupError {
            CleanSetupError(
                code: .despinTableInvalid, message: message,
                location: path + (record.map { " record \($0)" } ?? "")
            )
        }
        guard let header = records.first else {
            throw invalid("the table is empty: expected the header \(Self.header.joined(separator: ","))")
        }
        guard header.map({ $0 ?? "" }) == Self.header else {
            throw invalid(
                "the header is \(header.map { $0 ?? "" }.joined(separator: ",")); expected "
                    + Self.header.joined(separator: ","), record: 1
            )
        }
        var spun: [[Unicode.Scalar]] = []
        var original: [[Unicode.Scalar]] = []
        var firstRecord: [[Unicode.Scalar]: Int] = [:]
        for (index, record) in records.enumerated().dropFirst() {
            let number = index + 1
            guard record.count == 3 else {
                throw invalid("expected 3 fields (spun,original,note), found \(record.count)", record: number)
            }
            let from = LineNormalizer.normalize(ScalarText.scalars(record[0] ?? ""))
            let to = LineNormalizer.normalize(ScalarText.scalars(record[1] ?? ""))
            guard !from.isEmpty else { throw invalid("the spun phrase is empty", record: number) }
            guard !to.isEmpty else {
                throw invalid("the original is empty; write the phrase itself to keep it as it is", record: number)
            }
            guard let note = record[2], !note.allSatisfy(\.isWhitespace) else {
                throw invalid("the note is empty; say what the phrase means", record: number)
            }
            if let earlier = firstRecord[from] {
                throw invalid("\(ScalarText.string(from)) is already in record \(earlier)", record: number)
            }
            firstRecord[from] = number
            spun.append(from)
            original.append(to)
        }
        self.spun = spun
        self.original = original
        trie = ScalarTrie(spun)
    }
}
