import Foundation

/// Appends bytes to a new file through a 1 MiB buffer.
final class BufferedFileWriter {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20

    init(path: String) throws(OutputError) {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw OutputError(path: path, message: "the file cannot be created; check that the directory is writable")
        }
        self.handle = handle
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

    /// Flushes, forces the bytes to disk and closes; the file is complete afterwards.
    func close() throws(OutputError) {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw OutputError(path: path, message: "\(error.localizedDescription)")
        }
    }
}
