import Foundation

/// Appends bytes to a new file through a 256 KiB buffer. The file must not exist yet: it is
/// created with `O_EXCL` and never through a symbolic link (`PlainFile.createNew`), so a link
/// planted in the staging directory cannot redirect a table onto another file.
final class BufferedFileWriter {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// The buffer's size. Seven CSV files are open at once (and more lanes at a time with
    /// more workers): 1 MiB each, doubled to 2 MiB by the row that crossed it, was 14 MiB of a
    /// run's peak; syscalls of 256 KiB cost nothing measurable.
    private let capacity = 256 << 10
    /// `withBuffer` flushes at this fill, so that the next row (a fact's row is a few KiB)
    /// fits the capacity instead of doubling it.
    private let flushAt = 192 << 10

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
        if buffer.count + bytes.count > capacity { try flush() }
        // What does not fit goes straight to the file rather than growing the buffer.
        if bytes.count > capacity { return try put(bytes) }
        buffer.append(contentsOf: bytes)
    }

    /// Lets a caller encode straight into the buffer, sparing a copy.
    func withBuffer(_ body: (inout [UInt8]) -> Void) throws(OutputError) {
        body(&buffer)
        if buffer.count >= flushAt { try flush() }
    }

    func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        try put(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func put(_ bytes: [UInt8]) throws(OutputError) {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw OutputError(path: path, message: "\(error.localizedDescription)")
        }
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
