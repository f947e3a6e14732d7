import Foundation

/// Lines of standard input, read in blocks, each at most `limit` bytes: a longer line is
/// skipped to its end and reported as too long, so one bad frame costs at most `limit` bytes
/// of memory and the stream goes on (README, "The map stream").
struct InputLines {
    enum Line {
        case bytes([UInt8])
        case tooLong(bytes: Int)
    }

    private let handle: FileHandle
    private let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false

    init(handle: FileHandle = .standardInput, limit: Int) {
        self.handle = handle
        self.limit = limit
    }

    /// The next line without its `\n` (a last line without one counts), or nil at the end.
    mutating func next() throws -> Line? {
        var skipped = 0
        while true {
            if let newline = buffer[start...].firstIndex(of: 10) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                compact()
                if skipped > 0 { return .tooLong(bytes: skipped + line.count) }
                return .bytes(line)
            }
            if buffer.count - start > limit {
                skipped += buffer.count - start
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            if finished {
                guard start < buffer.count || skipped > 0 else { return nil }
                let line = Array(buffer[start...])
                buffer.removeAll()
                start = 0
                if skipped > 0 { return .tooLong(bytes: skipped + line.count) }
                return .bytes(line)
            }
            let block = try handle.read(upToCount: 1 << 20) ?? Data()
            if block.isEmpty { finished = true } else { buffer.append(contentsOf: block) }
        }
    }

    private mutating func compact() {
        if start > 1 << 20, start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }
}
