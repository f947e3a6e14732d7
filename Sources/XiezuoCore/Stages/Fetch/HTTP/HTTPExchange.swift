import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The state of one request while URLSession's delegate callbacks fill it in.
/// `@unchecked Sendable`: every field is touched only under `lock`.
final class HTTPExchange: @unchecked Sendable {
    private let lock = Lock()
    private let done = DispatchSemaphore(value: 0)
    private let maxBytes: Int
    private let maxRedirects: Int
    private var status = 0
    private var headers: [String: String] = [:]
    private var expectedLength: Int64 = -1
    private var body: [UInt8] = []
    private var redirects = 0
    private var problem: HTTPAttempt.Problem?
    private var finished = false

    init(maxBytes: Int, maxRedirects: Int) {
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
    }

    /// True when the exchange ended within `seconds`.
    func wait(seconds: Double) -> Bool {
        done.wait(timeout: .now() + seconds) == .success
    }

    /// Records the first problem; later ones (the cancellation it causes) are ignored.
    func fail(_ problem: HTTPAttempt.Problem) {
        lock.withLock { if self.problem == nil { self.problem = problem } }
    }

    /// Whether the response may go on; false means: cancel the task.
    func receive(_ response: URLResponse) -> Bool {
        lock.withLock {
            guard let http = response as? HTTPURLResponse else {
                problem = problem ?? .connection("the answer is not an HTTP response")
                return false
            }
            status = http.statusCode
            headers = [:]
            for (name, value) in http.allHeaderFields {
                headers[String(describing: name).lowercased()] = String(describing: value)
            }
            expectedLength = http.expectedContentLength
            if expectedLength > Int64(maxBytes) {
                problem = problem ?? .tooLarge
                return false
            }
            return true
        }
    }

    /// Appends a piece of the body; false when it crosses `maxBytes` (cancel the task).
    func receive(_ data: Data) -> Bool {
        lock.withLock {
            guard body.count + data.count <= maxBytes else {
                problem = problem ?? .tooLarge
                return false
            }
            body.append(contentsOf: data)
            return true
        }
    }

    /// Whether one more redirect may be followed.
    func redirect() -> Bool {
        lock.withLock {
            redirects += 1
            guard redirects <= maxRedirects else {
                problem = problem ?? .tooManyRedirects
                return false
            }
            return true
        }
    }

    func complete(_ error: (any Error)?) {
        lock.withLock {
            guard !finished else { return }
            finished = true
            if let error, problem == nil { problem = Self.problem(of: error) }
            if problem == nil, expectedLength >= 0, Int64(body.count) < expectedLength {
                problem = .truncated(received: body.count, expected: Int(expectedLength))
            }
        }
        done.signal()
    }

    var attempt: HTTPAttempt {
        lock.withLock {
            if let problem { return .failed(problem) }
            guard finished else { return .failed(.timedOut) }
            return .response(status: status, headers: headers, body: body)
        }
    }

    private static func problem(of error: any Error) -> HTTPAttempt.Problem {
        let error = error as NSError
        guard error.domain == NSURLErrorDomain else { return .connection(error.localizedDescription) }
        // libcurl's words for a body cut short ("transfer closed with 7715 bytes remaining to read").
        if error.localizedDescription.hasPrefix("transfer closed") {
            return .connection("the connection closed before the whole response arrived (\(error.localizedDescription))")
        }
        switch error.code {
        case NSURLErrorTimedOut: return .idle
        case NSURLErrorNetworkConnectionLost: return .connection("the connection closed before the whole response arrived")
        case NSURLErrorCannotConnectToHost: return .connection("cannot connect to the host (connection refused)")
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return .connection("the host name cannot be resolved")
        case NSURLErrorHTTPTooManyRedirects: return .tooManyRedirects
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasBadDate,
            NSURLErrorServerCertificateNotYetValid, NSURLErrorServerCertificateHasUnknownRoot:
            return .connection("the TLS connection failed (\(error.localizedDescription))")
        default: return .connection(error.localizedDescription)
        }
    }
}
