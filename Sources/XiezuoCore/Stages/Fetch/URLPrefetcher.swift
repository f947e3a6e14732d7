import Foundation

/// Downloads the run's URL sources ahead of the workers, on up to `fetch.http.max_connections`
/// threads of its own, so that network waits do not occupy the CPU-bound workers. Downloads
/// start in plan order and at most `window` finished bodies wait to be taken, so memory stays
/// bounded however many URLs there are. A worker's `take` blocks until its source is done.
///
/// `@unchecked Sendable`: `results` and `next` are touched only under `condition`.
final class URLPrefetcher: @unchecked Sendable {
    private let client: HTTPClient
    private let jobs: [(ordinal: Int, address: HTTPAddress)]
    private let validators: [String: HTTPValidators]
    private let ahead: DispatchSemaphore
    private let condition = NSCondition()
    private var next = 0
    private var results: [Int: Result<HTTPResult, HTTPFailure>] = [:]

    init(client: HTTPClient, plan: FetchPlan, validators: [String: HTTPValidators], window: Int) {
        self.client = client
        jobs = plan.downloads.compactMap { reference in
            if case .url(let address) = reference.location { (reference.ordinal, address) } else { nil }
        }
        self.validators = validators
        ahead = DispatchSemaphore(value: max(1, window))
    }

    /// Starts the download threads; they end when every job has been downloaded.
    func start() {
        for _ in 0..<min(client.config.maxConnections, jobs.count) {
            let thread = Thread { [self] in
                while let job = nextJob() {
                    let result = Result { () throws(HTTPFailure) -> HTTPResult in
                        try client.get(job.address, validators: validators[job.address.text])
                    }
                    condition.lock()
                    results[job.ordinal] = result
                    condition.broadcast()
                    condition.unlock()
                }
            }
            thread.name = "xiezuo.fetch"
            thread.start()
        }
    }

    /// The download of the source with `ordinal`, once it has finished.
    func take(_ ordinal: Int) -> Result<HTTPResult, HTTPFailure> {
        condition.lock()
        while results[ordinal] == nil { condition.wait() }
        let result = results.removeValue(forKey: ordinal)
        condition.unlock()
        ahead.signal()
        return result ?? .failure(HTTPFailure(reason: "the download was lost"))
    }

    private func nextJob() -> (ordinal: Int, address: HTTPAddress)? {
        // Reserving the window before taking an index keeps downloads in plan order.
        ahead.wait()
        condition.lock()
        defer { condition.unlock() }
        guard next < jobs.count else {
            ahead.signal()
            return nil
        }
        next += 1
        return jobs[next - 1]
    }
}
