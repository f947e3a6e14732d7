import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One URLSession (libcurl on Linux) for the whole run, with a delegate so that bodies are
/// counted while they stream in: a response over `maxBytes` is cancelled at that byte, never
/// buffered whole. `perform` blocks its caller until the attempt has ended.
///
/// `@unchecked Sendable`: the URLSession is thread-safe, and the per-task state lives in
/// `HTTPExchange`s behind the delegate's lock.
final class HTTPSession: @unchecked Sendable {
    private let session: URLSession
    private let delegate: HTTPSessionDelegate
    private let maxBytes: Int
    private let maxRedirects: Int
    private let timeout: Double

    init(config: HTTPConfig, maxBytes: Int) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpMaximumConnectionsPerHost = config.maxConnectionsPerHost
        configuration.timeoutIntervalForRequest = config.idleTimeoutSeconds
        // `perform` enforces the whole-attempt timeout itself, with its own message; this is a backstop.
        configuration.timeoutIntervalForResource = config.timeoutSeconds + 5
        configuration.httpAdditionalHeaders = ["User-Agent": config.userAgent]
        delegate = HTTPSessionDelegate()
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        self.maxBytes = maxBytes
        maxRedirects = config.maxRedirects
        timeout = config.timeoutSeconds
    }

    deinit {
        session.invalidateAndCancel()
    }

    /// One GET of `url` with `headers`; ends after `timeout` seconds at the latest.
    func perform(_ url: URL, headers: [String: String], userAgent: String) -> HTTPAttempt {
        var request = URLRequest(url: url)
        request.httpMethod = "GET"
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let exchange = HTTPExchange(maxBytes: maxBytes, maxRedirects: maxRedirects)
        let task = session.dataTask(with: request)
        delegate.register(exchange, for: task)
        task.resume()
        // URLSession's own timeouts count silence; this one bounds the whole attempt.
        if exchange.wait(seconds: timeout) == false {
            exchange.fail(.timedOut)
            task.cancel()
            _ = exchange.wait(seconds: 5)
        }
        delegate.unregister(task)
        return exchange.attempt
    }
}
