/// `fetch.http`: how URL and feed sources are downloaded. Each key is documented in the
/// README's configuration table.
public struct HTTPConfig: Sendable, Equatable {
    /// Sent as `User-Agent` with every request.
    public var userAgent = "xiezuo/1 (nightly news tables)"
    /// The whole of one attempt, from connecting to the last byte.
    public var timeoutSeconds = 30.0
    /// Longest silence while connecting or between two pieces of a response.
    public var idleTimeoutSeconds = 10.0
    /// Attempts after the first for 5xx, 429, timeouts and connection errors.
    public var retries = 3
    /// Backoff before retry n is a random wait in [0, min(max, base × 2^(n-1))] ("full jitter").
    public var backoffSeconds = 1.0
    public var maxBackoffSeconds = 30.0
    /// A `Retry-After` longer than this is not waited for: the source is rejected instead.
    public var maxRetryAfterSeconds = 120.0
    /// Requests under way at once, over all hosts.
    public var maxConnections = 8
    /// Requests under way at once to one host (and port).
    public var maxConnectionsPerHost = 2
    /// Redirects followed for one request; one more is a reject.
    public var maxRedirects = 5
    /// Follow redirects (and feed items) from a public address to a loopback, link-local,
    /// private or reserved one, and between those classes (`AddressClass`).
    public var allowPrivateRedirects = false

    public init() {}

    /// Upper bounds that keep every wait, count and thread pool finite: a nightly run never
    /// waits a day, retries or redirects a hundred times, or holds a thousand connections.
    static let maxSeconds = 86_400.0
    static let maxCount = 100
    static let maxConnectionsLimit = 1024

    func problems(at path: String) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        func report(_ key: CodingKeys, _ message: String) {
            problems.append(ConfigProblem(path: "\(path).\(key.rawValue)", message: message))
        }
        func positive(_ value: Double, _ key: CodingKeys) {
            if !(value > 0) {
                report(key, "must be more than 0")
            } else if value > Self.maxSeconds {
                report(key, "must be at most \(Int(Self.maxSeconds)) (a day)")
            }
        }
        func atLeast(_ value: Int, _ minimum: Int, _ key: CodingKeys, atMost maximum: Int) {
            if value < minimum {
                report(key, "must be at least \(minimum)")
            } else if value > maximum {
                report(key, "must be at most \(maximum)")
            }
        }
        positive(timeoutSeconds, .timeoutSeconds)
        positive(idleTimeoutSeconds, .idleTimeoutSeconds)
        if backoffSeconds < 0 {
            report(.backoffSeconds, "must be 0 or more")
        } else if backoffSeconds > Self.maxSeconds {
            report(.backoffSeconds, "must be at most \(Int(Self.maxSeconds)) (a day)")
        }
        if maxBackoffSeconds < backoffSeconds {
            report(.maxBackoffSeconds, "must be at least backoff_seconds")
        } else if maxBackoffSeconds > Self.maxSeconds {
            report(.maxBackoffSeconds, "must be at most \(Int(Self.maxSeconds)) (a day)")
        }
        if maxRetryAfterSeconds < 0 {
            report(.maxRetryAfterSeconds, "must be 0 or more")
        } else if maxRetryAfterSeconds > Self.maxSeconds {
            report(.maxRetryAfterSeconds, "must be at most \(Int(Self.maxSeconds)) (a day)")
        }
        atLeast(retries, 0, .retries, atMost: Self.maxCount)
        atLeast(maxConnections, 1, .maxConnections, atMost: Self.maxConnectionsLimit)
        atLeast(maxConnectionsPerHost, 1, .maxConnectionsPerHost, atMost: Self.maxConnectionsLimit)
        atLeast(maxRedirects, 0, .maxRedirects, atMost: Self.maxCount)
        if userAgent.isEmpty || userAgent.contains(where: { $0.isNewline }) {
            problems.append(ConfigProblem(path: "\(path).user_agent", message: "must be one non-empty line"))
        }
        return problems
    }
}

extension HTTPConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case userAgent = "user_agent"
        case timeoutSeconds = "timeout_seconds"
        case idleTimeoutSeconds = "idle_timeout_seconds"
        case retries
        case backoffSeconds = "backoff_seconds"
        case maxBackoffSeconds = "max_backoff_seconds"
        case maxRetryAfterSeconds = "max_retry_after_seconds"
        case maxConnections = "max_connections"
        case maxConnectionsPerHost = "max_connections_per_host"
        case maxRedirects = "max_redirects"
        case allowPrivateRedirects = "allow_private_redirects"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        let defaults = HTTPConfig()
        userAgent = try container.value(.userAgent, default: defaults.userAgent)
        timeoutSeconds = try container.value(.timeoutSeconds, default: defaults.timeoutSeconds)
        idleTimeoutSeconds = try container.value(.idleTimeoutSeconds, default: defaults.idleTimeoutSeconds)
        retries = try container.value(.retries, default: defaults.retries)
        backoffSeconds = try container.value(.backoffSeconds, default: defaults.backoffSeconds)
        maxBackoffSeconds = try container.value(.maxBackoffSeconds, default: defaults.maxBackoffSeconds)
        maxRetryAfterSeconds = try container.value(.maxRetryAfterSeconds, default: defaults.maxRetryAfterSeconds)
        maxConnections = try container.value(.maxConnections, default: defaults.maxConnections)
        maxConnectionsPerHost = try container.value(.maxConnectionsPerHost, default: defaults.maxConnectionsPerHost)
        maxRedirects = try container.value(.maxRedirects, default: defaults.maxRedirects)
        allowPrivateRedirects = try container.value(.allowPrivateRedirects, default: defaults.allowPrivateRedirects)
    }
}
