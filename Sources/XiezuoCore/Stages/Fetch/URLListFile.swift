import Foundation

/// A file of URLs, one per line (`fetch.sources: [{"url_file": "urls.txt"}]`). Blank lines and
/// lines starting with `#` are skipped; surrounding spaces are ignored.
enum URLListFile {
    struct Entry {
        var line: Int
        var text: String
    }

    static func entries(at path: String) throws(FetchError) -> [Entry] {
        guard let data = FileManager.default.contents(atPath: path) else { throw FetchError(path: path) }
        var entries: [Entry] = []
        for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty || text.hasPrefix("#") { continue }
            entries.append(Entry(line: index + 1, text: text))
        }
        return entries
    }
}
