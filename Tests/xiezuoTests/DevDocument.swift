/// One line of the development set's `documents.jsonl`: an article of a page with the title a
/// reader would name, its publication date (when the page states one) and its outlet.
struct DevDocument: Decodable {
    var source: String
    var part: Int
    var title: String
    var published: String?
    var outlet: String?
}
