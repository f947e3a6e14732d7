import Logging

/// The run's one `HTTPClient`, made on first use, so that a run over files alone never sets
/// up a URL session. `@unchecked Sendable`: `made` is touched only under `lock`.
final class LazyHTTPClient: @unchecked Sendable {
    private let config: FetchConfig
    private let logger: Logger
    private let lock = Lock()
    private var made: HTTPClient?

    init(config: FetchConfig, logger: Logger) {
        self.config = config
        self.logger = logger
    }

    var client: HTTPClient {
        lock.withLock {
            if let made { return made }
            let client = HTTPClient(config: config.http, maxBytes: config.maxBytes, logger: logger)
            made = client
            return client
        }
    }
}
