import Foundation

/// Runs the requests of a run over libcurl (`CurlEasy`), one attempt at a time per caller:
/// follows redirects itself, so that each one is checked before it is requested — only to
/// http:// or https://, at most `fetch.http.max_redirects`, and only to an address the rule
/// of `AddressClass` allows (unless `fetch.http.allow_private_redirects`) — and bounds the
/// whole attempt, redirects included, by `fetch.http.timeout_seconds`.
///
/// Easy handles are pooled, one per concurrent caller, so connections stay open from one
/// request to the next. `@unchecked Sendable`: the pool is touched only under `lock`, and a
/// handle is used by one caller at a time.
final class HTTPSession: @unchecked Sendable {
    /// Response headers beyond this are not a web page's: the attempt stops.
    static let maxHeaderBytes = 256 * 1024

    private let config: HTTPConfig
    private let maxBytes: Int
    private let lock = Lock()
    private var idle: [CurlEasy] = []

    init(config: HTTPConfig, maxBytes: Int) {
        self.config = config
        self.maxBytes = maxBytes
    }

    /// One GET of `address` with `headers`, following redirects.
    func perform(_ address: HTTPAddress, headers: [String: String]) -> HTTPAttempt {
        let handle: CurlEasy
        do {
            handle = try lock.withLock { idle.popLast() } ?? CurlEasy()
        } catch {
            return .failed(.connection("\(error)"))
        }
        defer { lock.withLock { idle.append(handle) } }
        let started = DispatchTime.now().uptimeNanoseconds
        let timeout = Int(config.timeoutSeconds * 1000)
        let lines = headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        var url = address.url.absoluteString
        // The class the first request went to (a feed item's: the feed's), once known.
        var origin = address.feedClass
        var redirects = 0
        while true {
            let elapsed = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            guard elapsed < timeout else { return .failed(.timedOut) }
            let allowed = origin
            let request = CurlRequest(
                url: url, headers: lines, userAgent: config.userAgent, timeoutMilliseconds: timeout - elapsed,
                idleMilliseconds: Int(config.idleTimeoutSeconds * 1000), maxBodyBytes: maxBytes,
                maxHeaderBytes: Self.maxHeaderBytes,
                allowsConnection: { [allowPrivate = config.allowPrivateRedirects] candidate in
                    guard let allowed, !allowPrivate else { return true }
                    return AddressClass(candidate).isReachable(from: allowed)
                })
            let response: CurlResponse
            do {
                response = try handle.perform(request)
            } catch {
                return .failed(.connection("\(error)"))
            }
            if origin == nil { origin = response.primaryAddress.flatMap(SocketAddress.init(parsing:)).map(AddressClass.init) }
            if let failure = response.failure {
                let problem = problem(
                    failure, timeLeft: request.timeoutMilliseconds - response.milliseconds, origin: allowed, redirect: redirects > 0)
                return .failed(problem)
            }
            guard [301, 302, 303, 307, 308].contains(response.status),
                let target = response.redirectURL ?? response.headers["location"].flatMap({ URL(string: $0, relativeTo: URL(string: url)) })?.absoluteString
            else {
                return .response(status: response.status, headers: response.headers, body: response.body, address: origin)
            }
            let scheme = target.prefix { $0 != ":" }.lowercased()
            guard scheme == "http" || scheme == "https" else {
                return .failed(.redirectScheme(scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) } ? scheme : "?"))
            }
            redirects += 1
            guard redirects <= config.maxRedirects else { return .failed(.tooManyRedirects) }
            url = target
        }
    }

    private func problem(_ failure: CurlFailure, timeLeft: Int, origin: AddressClass?, redirect: Bool) -> HTTPAttempt.Problem {
        switch failure {
        case .bodyTooLarge: return .tooLarge
        case .headersTooLarge: return .headersTooLarge
        case .refused(let address): return .refusedAddress("\(address)", AddressClass(address), from: origin ?? .public, redirect: redirect)
        // The whole-attempt timeout ends the transfer with its time used up; an earlier end is silence.
        case .timedOut: return timeLeft <= 100 ? .timedOut : .idle
        case .cannotResolve: return .connection("the host name cannot be resolved")
        case .cannotConnect: return .connection("cannot connect to the host (connection refused)")
        case .cutShort(let text): return .connection("the connection closed before the whole response arrived (\(text))")
        case .tls(let text): return .connection("the TLS connection failed (\(text))")
        case .badEncoding(let text): return .undecodable(text)
        case .other(let text): return .connection(text)
        }
    }
}
