import Foundation

/// Makes a run's outputs appear all at once: everything is written into a staging
/// directory beside the tables, and only a finished run renames the files into place. A run
/// that fails or is killed leaves the previous tables as they were.
public final class OutputStaging {
    public let directory: String
    public let staging: String

    public init(directory: String) throws(OutputError) {
        self.directory = directory
        staging = URL(fileURLWithPath: directory).appendingPathComponent(".xiezuo-staging-\(getpid())").path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            Self.removeAbandonedStaging(in: directory)
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: directory, message: "the output directory cannot be created (\(error.localizedDescription))")
        }
    }

    public func path(for fileName: String) -> String {
        URL(fileURLWithPath: staging).appendingPathComponent(fileName).path
    }

    /// Renames every staged file over its counterpart in the output directory. Each rename is
    /// atomic; the whole set is replaced within a few system calls.
    public func commit() throws(OutputError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: staging).sorted()
        } catch {
            throw OutputError(path: staging, message: "the staged outputs cannot be listed")
        }
        for name in names where !name.hasPrefix(".") {
            let target = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            guard rename(path(for: name), target) == 0 else {
                throw OutputError(path: target, message: String(cString: strerror(errno)))
            }
        }
        discard()
    }

    /// A run killed mid-write leaves its staging directory behind; the next run removes those
    /// whose process is gone (a live one may be a concurrent run's).
    static func removeAbandonedStaging(in directory: String) {
        let prefix = ".xiezuo-staging-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: directory).appendingPathComponent(name).path)
        }
    }

    /// Removes the staging directory and whatever is left in it.
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
