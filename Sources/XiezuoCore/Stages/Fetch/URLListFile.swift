import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A file of URLs, one per line (`fetch.sources: [{"url_file": "urls.txt"}]`). Blank lines and
/// lines starting with `#` are skipped; surrounding spaces are ignored. It is read like any
/// input file (`SourceFile`): never opened when it is a pipe or a device, at most `limit` bytes.
enum URLListFile {
    struct Entry {
        var line: Int
        var text: String
    }

    /// The list's entries, or why it cannot be read; a `FetchError` when it does not exist.
    static func entries(at path: String, limit: Int) throws(FetchError) -> Result<[Entry], SourceFile.Failure> {
        do {
            _ = try FileDescriptor.workingDirectory.status(of: Array(path.utf8), followingLinks: true)
        } catch where error.code == ENOENT || error.code == ENOTDIR {
            throw FetchError(path: path)
        } catch {
            // Reading it says why.
        }
        let bytes: [UInt8]
        do {
            bytes = try SourceFile.bytes(atPath: path, limit: limit)
        } catch {
            return .failure(error)
        }
        var entries: [Entry] = []
        for (index, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty || text.hasPrefix("#") { continue }
            entries.append(Entry(line: index + 1, text: text))
        }
        return .success(entries)
    }
}
