import CLibCurl
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The only door to libcurl: one easy handle, which runs one GET at a time and keeps its
/// connections open for the next. A final class owns the `CURL *` and cleans it up in
/// `deinit`; every option's return code is checked.
///
/// What xiezuo needs of a download is enforced in the callbacks, as the bytes arrive: the
/// write callback counts the *decoded* body (libcurl inflates gzip, deflate, brotli and zstd
/// itself, in small pieces) and stops the transfer at `maxBodyBytes`, so neither an endless
/// chunked response nor a compression bomb is ever held beyond that; the header callback
/// caps the headers; the open-socket callback asks `allowsConnection` before every
/// connection, so a refused address never receives a byte. Redirects are not followed here
/// (the caller reads `redirectURL` and decides), and only http and https are spoken.
///
/// Not `Sendable`: one thread uses a handle at a time (`HTTPSession` pools them).
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    /// libcurl writes its message for the last failure here (`CURLOPT_ERRORBUFFER`).
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// `curl_global_init` is not thread-safe: it runs once, before the first handle.
    private static let initialized: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    init() throws(CurlError) {
        guard Self.initialized == CURLE_OK else {
            throw CurlError(call: "curl_global_init", reason: String(cString: curl_easy_strerror(Self.initialized)))
        }
        guard let made = curl_easy_init() else { throw CurlError(call: "curl_easy_init", reason: "no handle") }
        handle = made
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Runs `request` to its end (or its first limit) and returns what came back. Options are
    /// reset first, so nothing of an earlier request carries over but the open connections.
    func perform(_ request: CurlRequest) throws(CurlError) -> CurlResponse {
        curl_easy_reset(handle)
        errorBuffer[0] = 0
        let transfer = CurlTransfer(
            maxBodyBytes: request.maxBodyBytes, maxHeaderBytes: request.maxHeaderBytes,
            allowsConnection: request.allowsConnection)
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for header in request.headers { headerList = curl_slist_append(headerList, header) }

        try set(CURLOPT_URL, request.url, "CURLOPT_URL")
        try set(CURLOPT_PROTOCOLS_STR, "http,https", "CURLOPT_PROTOCOLS_STR")
        try set(CURLOPT_USERAGENT, request.userAgent, "CURLOPT_USERAGENT")
        // "" asks for every encoding this libcurl can decode; the body arrives decoded.
        try set(CURLOPT_ACCEPT_ENCODING, "", "CURLOPT_ACCEPT_ENCODING")
        try check(xiezuo_curl_setopt_list(handle, CURLOPT_HTTPHEADER, headerList), "CURLOPT_HTTPHEADER")
        try set(CURLOPT_HTTPGET, 1, "CURLOPT_HTTPGET")
        try set(CURLOPT_FOLLOWLOCATION, 0, "CURLOPT_FOLLOWLOCATION")
        // Several threads use libcurl at once: no signals for timeouts.
        try set(CURLOPT_NOSIGNAL, 1, "CURLOPT_NOSIGNAL")
        try set(CURLOPT_TIMEOUT_MS, request.timeoutMilliseconds, "CURLOPT_TIMEOUT_MS")
        try set(CURLOPT_CONNECTTIMEOUT_MS, min(request.idleMilliseconds, request.timeoutMilliseconds), "CURLOPT_CONNECTTIMEOUT_MS")
        // Below 1 byte a second for the idle time counts as silence.
        try set(CURLOPT_LOW_SPEED_LIMIT, 1, "CURLOPT_LOW_SPEED_LIMIT")
        try set(CURLOPT_LOW_SPEED_TIME, max(1, (request.idleMilliseconds + 999) / 1000), "CURLOPT_LOW_SPEED_TIME")
        // A Content-Length over the limit ends the transfer before the body is read.
        try check(
            xiezuo_curl_setopt_offset(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maxBodyBytes)),
            "CURLOPT_MAXFILESIZE_LARGE")
        try check(xiezuo_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "CURLOPT_ERRORBUFFER")
        try check(xiezuo_curl_setopt_write(handle, CURLOPT_WRITEFUNCTION, Self.writeBody), "CURLOPT_WRITEFUNCTION")
        try check(xiezuo_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context), "CURLOPT_WRITEDATA")
        try check(xiezuo_curl_setopt_write(handle, CURLOPT_HEADERFUNCTION, Self.writeHeader), "CURLOPT_HEADERFUNCTION")
        try check(xiezuo_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context), "CURLOPT_HEADERDATA")
        try check(xiezuo_curl_setopt_opensocket(handle, Self.openSocket), "CURLOPT_OPENSOCKETFUNCTION")
        try check(xiezuo_curl_setopt_pointer(handle, CURLOPT_OPENSOCKETDATA, context), "CURLOPT_OPENSOCKETDATA")
        // A connection kept open from an earlier request opens no socket: this check, made
        // before every request is sent, covers it.
        try check(xiezuo_curl_setopt_prereq(handle, Self.beforeRequest), "CURLOPT_PREREQFUNCTION")
        try check(xiezuo_curl_setopt_pointer(handle, CURLOPT_PREREQDATA, context), "CURLOPT_PREREQDATA")

        let started = DispatchTime.now().uptimeNanoseconds
        let code = withExtendedLifetime(transfer) { curl_easy_perform(handle) }
        let milliseconds = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
        return CurlResponse(
            status: info(CURLINFO_RESPONSE_CODE), headers: transfer.headers, body: transfer.body,
            redirectURL: string(CURLINFO_REDIRECT_URL), primaryAddress: string(CURLINFO_PRIMARY_IP),
            failure: code == CURLE_OK ? nil : failure(code, transfer: transfer), milliseconds: milliseconds)
    }

    private func failure(_ code: CURLcode, transfer: CurlTransfer) -> CurlFailure {
        switch transfer.stop {
        // A refused address is the outcome only when no other address of the host could be
        // connected to; otherwise the transfer failed for its own reason, reported below.
        case .refused where code != CURLE_COULDNT_CONNECT && code != CURLE_ABORTED_BY_CALLBACK, nil: break
        case let stop?: return stop
        }
        let text = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_FILESIZE_EXCEEDED: return .bodyTooLarge
        case CURLE_OPERATION_TIMEDOUT: return .timedOut
        case CURLE_COULDNT_RESOLVE_HOST: return .cannotResolve
        case CURLE_COULDNT_CONNECT: return .cannotConnect
        case CURLE_PARTIAL_FILE: return .cutShort(text)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION: return .tls(text)
        case CURLE_BAD_CONTENT_ENCODING: return .badEncoding(text)
        // Other messages may carry timings ("after 2001 ms"); the code's own words do not.
        default: return .other(String(cString: curl_easy_strerror(code)))
        }
    }

    private func set(_ option: CURLoption, _ value: Int, _ name: String) throws(CurlError) {
        try check(xiezuo_curl_setopt_long(handle, option, value), name)
    }

    private func set(_ option: CURLoption, _ value: String, _ name: String) throws(CurlError) {
        // libcurl copies string options (since 7.17).
        try check(value.withCString { xiezuo_curl_setopt_string(handle, option, $0) }, name)
    }

    private func check(_ code: CURLcode, _ name: String) throws(CurlError) {
        guard code == CURLE_OK else {
            throw CurlError(call: "curl_easy_setopt(\(name))", reason: String(cString: curl_easy_strerror(code)))
        }
    }

    private func info(_ item: CURLINFO) -> Int {
        var value = 0
        return xiezuo_curl_getinfo_long(handle, item, &value) == CURLE_OK ? value : 0
    }

    private func string(_ item: CURLINFO) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard xiezuo_curl_getinfo_string(handle, item, &value) == CURLE_OK, let value, value[0] != 0 else { return nil }
        return String(cString: value)
    }

    // The callbacks are C functions: no captures; the transfer arrives as their user pointer.

    private static let writeBody: curl_write_callback = { data, size, count, context in
        guard let context else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(data)?.assumingMemoryBound(to: UInt8.self), count: size * count)
        // A short count makes libcurl stop the transfer at once (CURLE_WRITE_ERROR).
        return transfer.receiveBody(bytes) ? size * count : 0
    }

    private static let writeHeader: curl_write_callback = { data, size, count, context in
        guard let context else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(data)?.assumingMemoryBound(to: UInt8.self), count: size * count)
        return transfer.receiveHeader(bytes) ? size * count : 0
    }

    private static let openSocket: curl_opensocket_callback = { context, purpose, address in
        guard let context, let address, purpose == CURLSOCKTYPE_IPCXN else { return CURL_SOCKET_BAD }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        guard let socketAddress = CurlEasy.socketAddress(address), transfer.mayConnect(to: socketAddress) else {
            return CURL_SOCKET_BAD
        }
        return socket(address.pointee.family, address.pointee.socktype, address.pointee.protocol)
    }

    private static let beforeRequest: curl_prereq_callback = { context, primaryIP, _, _, _ in
        guard let context, let primaryIP, let address = SocketAddress(parsing: String(cString: primaryIP)) else {
            return CURL_PREREQFUNC_ABORT
        }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        return transfer.mayConnect(to: address) ? CURL_PREREQFUNC_OK : CURL_PREREQFUNC_ABORT
    }

    /// The IP address in curl's `sockaddr` (IPv4 or IPv6); nil for any other family.
    private static func socketAddress(_ address: UnsafeMutablePointer<curl_sockaddr>) -> SocketAddress? {
        let offset = MemoryLayout<curl_sockaddr>.offset(of: \curl_sockaddr.addr) ?? 0
        let raw = UnsafeRawPointer(address) + offset
        switch address.pointee.family {
        case AF_INET:
            let ipv4 = raw.loadUnaligned(as: sockaddr_in.self)
            return withUnsafeBytes(of: ipv4.sin_addr) { SocketAddress(bytes: Array($0)) }
        case AF_INET6 where Int(address.pointee.addrlen) >= MemoryLayout<sockaddr_in6>.size:
            let ipv6 = raw.loadUnaligned(as: sockaddr_in6.self)
            return withUnsafeBytes(of: ipv6.sin6_addr) { SocketAddress(bytes: Array($0)) }
        default:
            return nil
        }
    }
}
