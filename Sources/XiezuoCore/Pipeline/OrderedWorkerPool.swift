import Dispatch

/// Runs `work` over inputs on a bounded number of Dispatch workers and hands the results to
/// `consume` one at a time, in input order, whatever order the workers finish in. At most
/// `window` results wait to be consumed, so memory stays bounded however long the input.
struct OrderedWorkerPool: Sendable {
    let workers: Int
    let window: Int

    init(workers: Int) {
        self.workers = max(1, workers)
        window = self.workers * 4
    }

    func run<Input: Sendable, Output: Sendable>(
        _ inputs: [Input],
        work: @escaping @Sendable (Input) -> Output,
        consume: @escaping @Sendable (Output) -> Void
    ) {
        let queue = DispatchQueue(label: "xiezuo.workers", attributes: .concurrent)
        let slots = DispatchSemaphore(value: workers)
        let pending = DispatchSemaphore(value: window)
        let group = DispatchGroup()
        let reorder = ReorderBuffer<Output>(consume: consume, released: { pending.signal() })
        for (index, input) in inputs.enumerated() {
            pending.wait()
            slots.wait()
            group.enter()
            queue.async {
                let output = work(input)
                slots.signal()
                reorder.deliver(output, at: index)
                group.leave()
            }
        }
        group.wait()
    }
}

/// Holds results that finished early until every earlier one has been consumed.
/// `@unchecked Sendable`: all state is touched only under `lock`.
private final class ReorderBuffer<Output: Sendable>: @unchecked Sendable {
    private let lock = Lock()
    private var waiting: [Int: Output] = [:]
    private var next = 0
    private let consume: @Sendable (Output) -> Void
    private let released: @Sendable () -> Void

    init(consume: @escaping @Sendable (Output) -> Void, released: @escaping @Sendable () -> Void) {
        self.consume = consume
        self.released = released
    }

    func deliver(_ output: Output, at index: Int) {
        lock.withLock {
            waiting[index] = output
            // Consuming under the lock keeps the consumer single-threaded and in order.
            while let ready = waiting.removeValue(forKey: next) {
                consume(ready)
                next += 1
                released()
            }
        }
    }
}
