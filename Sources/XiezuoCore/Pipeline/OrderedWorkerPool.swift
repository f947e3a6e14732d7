import Dispatch
import Foundation

/// Runs `work` over inputs on a bounded number of Dispatch workers and hands the results to
/// `consume` on the calling thread, one at a time, in input order, whatever order the workers
/// finish in. At most `window` results wait to be consumed, and no input is started while the
/// waiting results weigh more than `budget` (a result's weight: its source's bytes), so memory
/// stays bounded however long the input and however large its sources: a slow source ahead of
/// a row of large ones holds back `budget` and the results in flight, not `window` large results.
///
/// Consuming on the calling thread while the workers run lets the serial part of a run (the
/// store's writes) use the time the workers leave, instead of running alone after them, and
/// lets it use a handle that belongs to the calling thread (a SQLite connection).
struct OrderedWorkerPool: Sendable {
    let workers: Int
    let window: Int

    init(workers: Int) {
        self.workers = max(1, workers)
        window = self.workers * 4
    }

    /// When `consume` throws, no further input is started, the work in flight is waited for,
    /// and the error is rethrown.
    func run<Input: Sendable, Output: Sendable>(
        _ inputs: [Input],
        weight: @escaping @Sendable (Output) -> Int = { _ in 0 },
        budget: Int = .max,
        work: @escaping @Sendable (Input) -> Output,
        consume: (Output) throws -> Void
    ) throws {
        let queue = DispatchQueue(label: "xiezuo.workers", attributes: .concurrent)
        let feeder = DispatchQueue(label: "xiezuo.feeder")
        let slots = DispatchSemaphore(value: workers)
        let pending = DispatchSemaphore(value: window)
        let group = DispatchGroup()
        let results = OrderedResults<Output>()
        // The feeder starts work on its own thread, so that the calling thread is free to consume.
        group.enter()
        feeder.async {
            defer { group.leave() }
            for (index, input) in inputs.enumerated() {
                pending.wait()
                results.waitForWeight(atMost: budget)
                if results.isCancelled { return }
                slots.wait()
                group.enter()
                queue.async {
                    let output = work(input)
                    slots.signal()
                    results.deliver(output, at: index, weight: weight(output))
                    group.leave()
                }
            }
        }
        do {
            for index in inputs.indices {
                let output = results.take(at: index)
                pending.signal()
                try consume(output)
            }
        } catch {
            results.cancel()
            // The feeder may have passed `window` more waits than the consumer signalled, plus
            // one to see the cancellation; every one is matched, or libdispatch crashes when the
            // semaphore is freed below its initial value ("deallocated while in use").
            for _ in 0...window { pending.signal() }
            group.wait()
            throw error
        }
        group.wait()
    }
}

/// Results that finished early, held until the consumer takes them in order.
/// `@unchecked Sendable`: all state is touched only with `condition` locked.
private final class OrderedResults<Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [Int: (output: Output, weight: Int)] = [:]
    private var waitingWeight = 0
    private var cancelled = false

    func deliver(_ output: Output, at index: Int, weight: Int) {
        condition.lock()
        defer { condition.unlock() }
        waiting[index] = (output, weight)
        waitingWeight += weight
        condition.broadcast()
    }

    /// Waits until the result at `index` has been delivered and removes it.
    func take(at index: Int) -> Output {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let taken = waiting.removeValue(forKey: index) {
                waitingWeight -= taken.weight
                condition.broadcast()
                return taken.output
            }
            condition.wait()
        }
    }

    /// Waits until the waiting results weigh at most `budget` (or the run is cancelled). The
    /// first result waiting is always the consumer's next or behind one in flight, so the
    /// weight always drops in the end.
    func waitForWeight(atMost budget: Int) {
        condition.lock()
        defer { condition.unlock() }
        while waitingWeight > budget, !cancelled { condition.wait() }
    }

    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
    }

    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }
}
