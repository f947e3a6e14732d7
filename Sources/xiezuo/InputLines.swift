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
    /// Where the search for the next `\n` goes on: the bytes before it, from `start`, hold
    /// none, so a long line is scanned once, not once per block read.
    private var scanned = 0
    private var finished = false

    init(handle: FileHandle = .standardInput, limit: Int) {
        self.handle = handle
        self.limit = limit
    }

    /// The next line without its `\n` (a last line without one counts), or nil at the end.
    mutating func next() throws -> Line? {
        var skipped = 0
        while true {
            if let newline = buffer[max(start, scanned)...].firstIndex(of: 10) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                scanned = start
                compact()
                if skipped > 0 { return .tooLong(bytes: skipped + line.count) }
                return .bytes(line)
            }
            scanned = buffer.count
            if buffer.count - start > limit {
                skipped += buffer.count - start
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
            }
            if finished {
                guard start < buffer.count || skipped > 0 else { return nil }
                let line = Array(buffer[start...])
                buffer.removeAll()
                start = 0
                scanned = 0
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
            scanned -= start
            start = 0
        }
    }
}
