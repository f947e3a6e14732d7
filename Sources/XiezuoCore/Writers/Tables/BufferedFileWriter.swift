import Foundation

/// Appends bytes to a new file through a 1 MiB buffer. The file must not exist yet: it is
/// created with `O_EXCL` and never through a symbolic link (`PlainFile.createNew`), so a link
/// planted in the staging directory cannot redirect a table onto another file.
final class BufferedFileWriter {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20

    init(path: String) throws(OutputError) {
        self.path = path
        do {
            handle = try PlainFile.createNew(path)
        } catch {
            if case .system = error.problem {
                throw OutputError(path: path, message: "the file cannot be created (\(error.reason)); check that the directory is writable")
            }
            throw OutputError(path: path, message: "the file cannot be created: it \(error.reason)")
        }
        buffer.reserveCapacity(capacity)
    }

    deinit {
        try? handle.close()
    }

    func write(_ bytes: [UInt8]) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Lets a caller encode straight into the buffer, sparing a copy.
    func withBuffer(_ body: (inout [UInt8]) -> Void) throws(OutputError) {
        body(&buffer)
        if buffer.count >= capacity { try flush() }
    }

    func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw OutputError(path: path, message: "\(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes; the file is complete afterwards. Forcing it to disk is the
    /// publisher's job (`OutputStaging.commit` forces every staged file once).
    func close() throws(OutputError) {
        try flush()
        do {
            try handle.close()
        } catch {
            throw OutputError(path: path, message: "\(error.localizedDescription)")
        }
    }
}
