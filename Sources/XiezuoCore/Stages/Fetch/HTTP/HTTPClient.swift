import Foundation
import Logging

/// Downloads one URL with retries: 5xx, 429, timeouts and connection errors are tried again
/// (`fetch.http.retries` times) after an exponential backoff with full jitter, or after the
/// server's `Retry-After` when it gives one (up to `max_retry_after_seconds`). Other answers
/// are final. Blocks its caller; many callers may use one client at once.
struct HTTPClient: Sendable {
    let config: HTTPConfig
    let maxBytes: Int
    private let session: HTTPSession
    private let limiter: ConnectionLimiter
    private let logger: Logger

    init(config: HTTPConfig, maxBytes: Int, logger: Logger) {
        self.config = config
        self.maxBytes = maxBytes
        self.logger = logger
        session = HTTPSession(config: config, maxBytes: maxBytes)
        limiter = ConnectionLimiter(overall: config.maxConnections, perHost: config.maxConnectionsPerHost)
    }

    /// The body of `address`, or `.notModified` when `validators` were sent and the server
    /// answered 304.
    func get(_ address: HTTPAddress, validators: HTTPValidators? = nil) throws(HTTPFailure) -> HTTPResult {
        var headers: [String: String] = [:]
        if let etag = validators?.etag { headers["If-None-Match"] = etag }
        if let lastModified = validators?.lastModified { headers["If-Modified-Since"] = lastModified }
        let backoff = Backoff(base: config.backoffSeconds, maximum: config.maxBackoffSeconds)
        var random = SystemRandomNumberGenerator()
        let started = Date()
        var attempts = 0
        while true {
            attempts += 1
            let attempt = limiter.withSlot(host: address.hostKey) {
                session.perform(address, headers: headers)
            }
            let verdict = Self.verdict(of: attempt, conditional: !headers.isEmpty, config: config, maxBytes: maxBytes)
            switch verdict {
            case .done(let result):
                return result
            case .final(let reason):
                throw HTTPFailure(reason: reason)
            case .retry(let reason, let retryAfter):
                let attemptsText = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
                if let retryAfter, retryAfter > config.maxRetryAfterSeconds {
                    throw HTTPFailure(
                        reason: "\(reason); the server asked to wait \(Self.format(retryAfter)) s (Retry-After), more than "
                            + "fetch.http.max_retry_after_seconds (\(Self.format(config.maxRetryAfterSeconds))), after \(attemptsText)")
                }
                guard attempts <= config.retries else {
                    logger.warning(
                        "download failed",
                        metadata: [
                            "source.url": "\(address.text)", "fetch.attempts": "\(attempts)",
                            "fetch.seconds": "\(Self.format(Date().timeIntervalSince(started)))",
                        ])
                    throw HTTPFailure(reason: "\(reason) after \(attemptsText); it is tried again at the next run")
                }
                let wait = retryAfter ?? backoff.delay(beforeRetry: attempts, using: &random)
                logger.info(
                    "download retried",
                    metadata: ["source.url": "\(address.text)", "fetch.reason": "\(reason)", "fetch.wait": "\(Self.format(wait))"])
                if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            }
        }
    }

    private enum Verdict {
        case done(HTTPResult)
        case final(String)
        case retry(String, retryAfter: Double?)
    }

    private static func verdict(of attempt: HTTPAttempt, conditional: Bool, config: HTTPConfig, maxBytes: Int) -> Verdict {
        switch attempt {
        case .failed(let problem):
            let reason = describe(problem, config: config, maxBytes: maxBytes)
            return problem.isRetryable ? .retry(reason, retryAfter: nil) : .final(reason)
        case .response(let status, let headers, let body, let address):
            let label = "HTTP \(status) (\(HTTPStatus.phrase(status)))"
            switch status {
            case 200..<300:
                let validators = HTTPValidators(etag: headers["etag"], lastModified: headers["last-modified"])
                let charset = headers["content-type"].flatMap(Self.charset(ofContentType:))
                return .done(.body(body, charset: charset, validators: validators, address: address))
            case 304 where conditional:
                return .done(.notModified)
            case 429, 500..<600:
                let retryAfter = headers["retry-after"].flatMap { RetryAfter.seconds($0, now: Date()) }
                return .retry(label, retryAfter: retryAfter)
            case 300..<400:
                return .final("\(label) without a usable Location to follow")
            default:
                return .final("\(label); check the URL")
            }
        }
    }

    private static func describe(_ problem: HTTPAttempt.Problem, config: HTTPConfig, maxBytes: Int) -> String {
        switch problem {
        case .timedOut: "timed out after \(format(config.timeoutSeconds)) s (fetch.http.timeout_seconds)"
        case .idle: "no data for \(format(config.idleTimeoutSeconds)) s (fetch.http.idle_timeout_seconds)"
        case .tooLarge: "response larger than fetch.max_bytes (\(maxBytes) bytes); raise the limit to read it"
        case .headersTooLarge: "response headers larger than \(HTTPSession.maxHeaderBytes) bytes"
        case .tooManyRedirects: "more than fetch.http.max_redirects (\(config.maxRedirects)) redirects"
        case .redirectScheme(let scheme):
            "redirect to a URL of another scheme (\(scheme)://) refused: only http:// and https:// redirects are followed"
        case .refusedAddress(let address, let target, let origin, redirect: true):
            "redirect from \(origin.withArticle) to \(target.withArticle) (\(address)) refused; "
                + "set fetch.http.allow_private_redirects to follow it"
        case .refusedAddress(let address, let target, let origin, redirect: false):
            "feed item on \(target.withArticle) (\(address)) refused: the feed is on \(origin.withArticle); "
                + "set fetch.http.allow_private_redirects to read it"
        case .undecodable(let text): "the body cannot be decoded from its Content-Encoding (\(text))"
        case .connection(let text): text
        }
    }

    /// The `charset` parameter of a Content-Type value, without quotes.
    static func charset(ofContentType value: String) -> String? {
        for parameter in value.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let charset = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return charset.isEmpty ? nil : charset
        }
        return nil
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
