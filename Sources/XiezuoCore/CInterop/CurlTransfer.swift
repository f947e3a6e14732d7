import Foundation

/// The state of one transfer while libcurl's callbacks fill it in: the body under its limit,
/// the headers of the latest response, and the first limit that stopped the transfer. Lives
/// for one `CurlEasy.perform`, on its thread; the callbacks reach it through the pointer
/// libcurl hands back.
final class CurlTransfer {
    private let maxBodyBytes: Int
    private let maxHeaderBytes: Int
    private let allowsConnection: (SocketAddress) -> Bool
    private(set) var body: [UInt8] = []
    private(set) var headers: [String: String] = [:]
    private var headerBytes = 0
    /// Set by the callback that stopped the transfer; libcurl only sees a short write or a
    /// refused socket.
    private(set) var stop: CurlFailure?

    init(maxBodyBytes: Int, maxHeaderBytes: Int, allowsConnection: @escaping (SocketAddress) -> Bool) {
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.allowsConnection = allowsConnection
    }

    /// Takes a piece of the decoded body; false stops the transfer. The buffer grows by
    /// doubling but never past the limit, so it holds at most `maxBodyBytes`.
    func receiveBody(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard body.count + bytes.count <= maxBodyBytes else {
            if stop == nil { stop = .bodyTooLarge }
            return false
        }
        if body.count + bytes.count > body.capacity {
            body.reserveCapacity(min(maxBodyBytes, max(body.capacity * 2, body.count + bytes.count, 64 * 1024)))
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Takes one header line; a status line starts a new response (a 100 Continue, or the
    /// next response after a redirect), whose headers replace the last one's.
    func receiveHeader(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        headerBytes += bytes.count
        guard headerBytes <= maxHeaderBytes else {
            if stop == nil { stop = .headersTooLarge }
            return false
        }
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            headers = [:]
            body.removeAll(keepingCapacity: true)
            return true
        }
        guard let colon = line.firstIndex(of: ":") else { return true }
        let name = line[..<colon].lowercased().trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        headers[name] = value
        return true
    }

    /// Whether a connection to `address` may be opened; the first refusal is kept.
    func mayConnect(to address: SocketAddress) -> Bool {
        guard allowsConnection(address) else {
            if stop == nil { stop = .refused(address) }
            return false
        }
        return true
    }
}
