import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Makes the inputs Foundation cannot: names that are not UTF-8, paths longer than `PATH_MAX`,
/// named pipes and Unix sockets. Everything goes through descriptors, so path length never
/// matters; a failing call throws with its name and errno.
enum RawFiles {
    struct Failure: Error, CustomStringConvertible {
        var call: String
        var code: Int32
        var description: String { "\(call): \(String(cString: strerror(code)))" }
    }

    /// A directory descriptor, closed when the value goes away.
    final class Directory {
        let descriptor: Int32

        init(path: String) throws {
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { throw Failure(call: "open", code: errno) }
        }

        private init(descriptor: Int32) {
            self.descriptor = descriptor
        }

        /// Creates (if needed) and opens the directory `name` inside this one.
        func directory(_ name: [UInt8]) throws -> Directory {
            let made = mkdirat(descriptor, RawFiles.cName(name), 0o755)
            guard made == 0 || errno == EEXIST else { throw Failure(call: "mkdirat", code: errno) }
            let child = openat(descriptor, RawFiles.cName(name), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard child >= 0 else { throw Failure(call: "openat", code: errno) }
            return Directory(descriptor: child)
        }

        func write(_ name: [UInt8], _ bytes: [UInt8]) throws {
            let file = openat(descriptor, RawFiles.cName(name), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard file >= 0 else { throw Failure(call: "openat", code: errno) }
            defer { close(file) }
            var written = 0
            while written < bytes.count {
                let count = bytes.withUnsafeBytes { Glibc.write(file, $0.baseAddress.map { $0 + written }, bytes.count - written) }
                guard count > 0 else { throw Failure(call: "write", code: errno) }
                written += count
            }
        }

        func fifo(_ name: [UInt8]) throws {
            guard mkfifoat(descriptor, RawFiles.cName(name), 0o644) == 0 else {
                throw Failure(call: "mkfifoat", code: errno)
            }
        }

        deinit { close(descriptor) }
    }

    /// A Unix socket bound at `path` (under 108 bytes), listening; the caller closes it.
    static func socket(at path: String) throws -> Int32 {
        let socket = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(call: "socket", code: errno) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() where index < buffer.count - 1 { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(socket, 1) == 0 else {
            let code = errno
            close(socket)
            throw Failure(call: "bind", code: code)
        }
        return socket
    }

    /// Removes a tree of any depth (`rm` walks it through descriptors).
    static func removeTree(_ path: String) {
        _ = try? XiezuoProcess.run(URL(fileURLWithPath: "/bin/rm"), ["-rf", path])
    }

    /// `name` as the NUL-terminated C string the calls take.
    static func cName(_ name: [UInt8]) -> [CChar] {
        (name + [0]).map { CChar(bitPattern: $0) }
    }
}
