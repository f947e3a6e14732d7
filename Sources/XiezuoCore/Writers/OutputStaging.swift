import Foundation

/// Makes a run's tables appear all at once (README, "Atomic outputs"). Every file is written
/// into a staging directory beside the tables; a finished run moves it under `runs/` and then
/// repoints the `current` symlink at it with one `rename(2)`, the single step at which
/// readers see the new set. Before that step they see the previous set whole, after it the new
/// one whole; a run that fails or is killed at any moment leaves `current` as it was.
public final class OutputStaging {
    public let directory: String
    public let staging: String
    private static let stagingPrefix = ".xiezuo-staging-"
    private static let linkPrefix = ".xiezuo-current-"

    public init(directory: String) throws(OutputError) {
        self.directory = directory
        staging = URL(fileURLWithPath: directory).appendingPathComponent("\(Self.stagingPrefix)\(Self.processID)").path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            Self.removeAbandoned(in: directory)
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: directory, message: "the output directory cannot be created (\(error.localizedDescription))")
        }
    }

    /// `relative` (a path of `OutputLayout`) inside the staging directory; its parent
    /// directories are created.
    public func path(for relative: String) throws(OutputError) -> String {
        let url = URL(fileURLWithPath: staging).appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: url.deletingLastPathComponent().path, message: "cannot be created (\(error.localizedDescription))")
        }
        return url.path
    }

    /// The set `current` points at now, as its directory name under `runs/`; nil before the
    /// first run of this layout.
    public static func currentSet(in directory: String) -> String? {
        let link = URL(fileURLWithPath: directory).appendingPathComponent(OutputLayout.current).path
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link) else { return nil }
        return URL(fileURLWithPath: target).lastPathComponent
    }

    /// Publishes the staged set as `runs/<name>`: flushes it to disk, moves it there, and
    /// switches `current` to it in one `rename(2)`. Then removes the sets older than the one
    /// it replaced (kept for readers that opened it before the switch) and the files of the
    /// earlier flat layout.
    public func commit(name: String) throws(OutputError) {
        let runs = URL(fileURLWithPath: directory).appendingPathComponent(OutputLayout.runs).path
        let target = URL(fileURLWithPath: runs).appendingPathComponent(name).path
        let previous = Self.currentSet(in: directory)
        guard previous != name else {
            throw OutputError(path: target, message: "is the set of tables readers see now; it is not replaced")
        }
        do {
            try FileManager.default.createDirectory(atPath: runs, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: runs, message: "cannot be created (\(error.localizedDescription))")
        }
        if FileManager.default.fileExists(atPath: target) { try? FileManager.default.removeItem(atPath: target) }
        let link = URL(fileURLWithPath: directory).appendingPathComponent("\(Self.linkPrefix)\(Self.processID)").path
        do {
            try FileSystemCalls.synchronizeTree(staging)
            try FileSystemCalls.rename(staging, to: target)
            // runs/ now names the set: forced before `current` points there, or a power loss
            // could leave `current` pointing at a name runs/ never kept.
            try FileSystemCalls.synchronize(runs)
            try? FileManager.default.removeItem(atPath: link)
            try FileSystemCalls.symlink("\(OutputLayout.runs)/\(name)", at: link)
        } catch {
            throw Self.failure(error)
        }
        // The switch: readers resolving `current` see the previous set up to here, the new one after.
        do {
            try FileSystemCalls.rename(link, to: URL(fileURLWithPath: directory).appendingPathComponent(OutputLayout.current).path)
        } catch {
            try? FileManager.default.removeItem(atPath: link)
            try? FileManager.default.removeItem(atPath: target)
            throw Self.failure(error)
        }
        do {
            try FileSystemCalls.synchronize(directory)
        } catch {
            throw Self.failure(error)
        }
        Self.removeSets(in: runs, except: [name, previous].compactMap { $0 })
        for file in OutputLayout.earlierLayoutFiles {
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: directory).appendingPathComponent(file).path)
        }
    }

    /// A run killed mid-write leaves its staging directory (and perhaps its new symlink)
    /// behind; the next run removes those whose process is gone (a live one may be a
    /// concurrent run's).
    static func removeAbandoned(in directory: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names {
            // `.xiezuo-staging-PID`, its throw-away store `.xiezuo-staging-PID.run-store.sqlite…`,
            // and `.xiezuo-current-PID`.
            guard let prefix = [stagingPrefix, linkPrefix].first(where: name.hasPrefix),
                let pid = Int32(String(name.dropFirst(prefix.count).prefix(while: \.isNumber))), pid != processID
            else { continue }
            if ProcessSignals.isAlive(pid) { continue }
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: directory).appendingPathComponent(name).path)
        }
    }

    /// Removes every set under `runs` but `kept`: older sets, and a set a killed run moved
    /// there without switching to it.
    private static func removeSets(in runs: String, except kept: [String]) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: runs)) ?? [] where !kept.contains(name) {
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: runs).appendingPathComponent(name).path)
        }
    }

    private static var processID: Int32 { ProcessInfo.processInfo.processIdentifier }

    /// A failed publishing call, as the run reports it: the path and the call with the system's words.
    private static func failure(_ error: SystemCallError) -> OutputError {
        OutputError(path: error.path ?? "", message: "\(error.call): \(SystemCallError.message(for: error.code))")
    }

    /// Removes the staging directory and whatever is left in it.
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
