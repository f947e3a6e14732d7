import Foundation

/// How a file source is named (`source` in the tables, and its key in the article store): its
/// path relative to the directory of `pipeline.json`, or its absolute path when it lies
/// outside that directory, escaped by `PathEscape`. A path is made absolute against the
/// working directory and normalised by its text alone (`.`, `..` and repeated `/` removed; a
/// link is not resolved), so one file has one name whether it comes from `fetch.sources` or
/// `--input`, by a relative or an absolute path, from any working directory, and two files
/// never share one. URLs keep their URL.
struct SourceNaming: Sendable {
    /// The directory names are relative to, absolute and normalised.
    let base: [UInt8]
    private let workingDirectory: [UInt8]

    /// `base`: the directory of `pipeline.json`; empty for the working directory.
    init(base: String) {
        workingDirectory = Self.normalised(Array(FileManager.default.currentDirectoryPath.utf8))
        self.base = base.isEmpty ? workingDirectory : Self.normalised(Self.joined(workingDirectory, Array(base.utf8)))
    }

    /// `path` as the user wrote it, made absolute and normalised.
    func absolute(_ path: [UInt8]) -> [UInt8] {
        Self.normalised(Self.joined(workingDirectory, path))
    }

    /// The name of the file at `absolute` (as `absolute(_:)` gives).
    func name(ofAbsolute absolute: [UInt8]) -> String {
        if base == [Self.slash] { return PathEscape.escape(Array(absolute.dropFirst())) }
        if absolute.count > base.count + 1, absolute.starts(with: base), absolute[base.count] == Self.slash {
            return PathEscape.escape(Array(absolute[(base.count + 1)...]))
        }
        return PathEscape.escape(absolute)
    }

    static let slash = UInt8(ascii: "/")

    /// `path` appended to `directory`, unless it is absolute already.
    static func joined(_ directory: [UInt8], _ path: [UInt8]) -> [UInt8] {
        path.first == slash ? path : directory + [slash] + path
    }

    /// An absolute path without empty, `.` and `..` components; `/` for the root.
    static func normalised(_ path: [UInt8]) -> [UInt8] {
        var components: [ArraySlice<UInt8>] = []
        for component in path.split(separator: slash) {
            if component.elementsEqual([UInt8(ascii: ".")]) { continue }
            if component.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                _ = components.popLast()
                continue
            }
            components.append(component)
        }
        var result: [UInt8] = []
        for component in components { result += [slash] + component }
        return result.isEmpty ? [slash] : result
    }
}
