/// Facts compared across runs whose sources have other names: ids are made from the source's
/// name, so the same figure of the same text in a file elsewhere has another `fact_id`.
extension OutputTables {
    /// Every fact of the fact tables as its article's `text_id` and its `char_offset`.
    func factsByText() throws -> Set<String> {
        var texts: [String: String] = [:]
        for document in try rows("documents") { texts[document["doc_id"] ?? ""] = document["text_id"] }
        var facts: Set<String> = []
        for table in ["investments", "jobs", "projects"] {
            for fact in try rows(table) { facts.insert("\(table) \(texts[fact["doc_id"] ?? ""] ?? "?"):\(fact["char_offset"] ?? "")") }
        }
        return facts
    }
}
