import Foundation

/// Reads a whole source file with one `open`, one `fstat` and as few `read`s as its size
/// needs, straight into the array the pipeline keeps: no `Data` in between, no Foundation file
/// handle, no look-up of the owner's account name. Every call's failure becomes a `Failure`
/// naming the call and the system's reason.
enum SourceFile {
    enum Failure: Error, Equatable {
        /// `open`, `fstat` or `read` failed: the call and `strerror`'s text.
        case system(call: String, reason: String)
        /// The file holds more than the limit allows.
        case tooLarge(bytes: Int)
    }

    static func bytes(atPath path: String, limit: Int) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw systemFailure("open") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw systemFailure("fstat") }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw .system(call: "read", reason: String(cString: strerror(EISDIR)).lowercased()) }
        let size = Int(status.st_size)
        if size > limit { throw .tooLarge(bytes: size) }
        // One byte more than the size, so that a file that grew since `fstat` is read to its
        // end (or to just past the limit) rather than cut short.
        var bytes = [UInt8](repeating: 0, count: max(size, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { throw .tooLarge(bytes: count) }
                bytes.append(contentsOf: repeatElement(0, count: 1 << 16))
            }
            let received = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if received < 0 {
                if errno == EINTR { continue }
                throw systemFailure("read")
            }
            if received == 0 { break }
            count += received
        }
        if count > limit { throw .tooLarge(bytes: count) }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    private static func systemFailure(_ call: String) -> Failure {
        .system(call: call, reason: String(cString: strerror(errno)).lowercased())
    }
}
