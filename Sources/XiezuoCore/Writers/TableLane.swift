import Dispatch
import Foundation

/// Some of a run's table files, written in row order on a serial queue of their own, so that
/// the files are encoded side by side and beside the thread reading the store (which would
/// otherwise write them all itself, after the workers, and cap what a second worker gives).
///
/// Rows come in batches; at most `maximumBatchesInFlight` wait, so memory stays bounded
/// whatever the table's length. Each file gets exactly the rows, in exactly the order, it
/// would get written inline, so the files are byte-identical for any number of workers.
///
/// `@unchecked Sendable`: the sinks are touched only on `queue` (or, without a queue, only on
/// the caller's thread); `batch` only on the caller's thread; `failure` and `cancelled` only
/// with `lock` held.
final class TableLane: @unchecked Sendable {
    /// A row in flight keeps its article's strings alive: with fourteen lanes, 8 batches of
    /// 256 rows each held tens of MiB at 1 GB. Two of 128 keep the queues busy all the same.
    static let batchRows = 128
    static let maximumBatchesInFlight = 2

    private let sinks: [any TableSink]
    /// nil: written inline, on the caller's thread (one worker).
    private let queue: DispatchQueue?
    private let slots = DispatchSemaphore(value: TableLane.maximumBatchesInFlight)
    private var batch: [(sink: Int, row: [TableValue])] = []
    private let lock = NSLock()
    private var failure: OutputError?
    private var cancelled = false

    /// `concurrent`: whether the lane writes on its own queue.
    init(sinks: [any TableSink], label: String, concurrent: Bool) {
        self.sinks = sinks
        // On the global queue, which runs as many threads as there are cores: a queue of its
        // own would be overcommitted, a thread (and a malloc arena) per lane.
        queue = concurrent ? DispatchQueue(label: "xiezuo.tables.\(label)", target: .global(qos: .userInitiated)) : nil
        if concurrent { batch.reserveCapacity(Self.batchRows) }
    }

    /// Writes `row` to sink `sink` of this lane, now or in a batch. Throws the lane's first
    /// failure, which may come from an earlier row.
    func write(_ row: [TableValue], toSink sink: Int) throws(OutputError) {
        guard queue != nil else {
            try sinks[sink].write(row)
            return
        }
        batch.append((sink, row))
        if batch.count >= Self.batchRows { try send() }
    }

    /// Writes what waits and starts closing the sinks; `finishClosing` waits for it. Lets
    /// every lane's last row group run at once.
    func startClosing() throws(OutputError) {
        guard let queue else { return }
        try send()
        queue.async {
            self.attempt { () throws(OutputError) in
                for sink in self.sinks { try sink.close() }
            }
        }
    }

    func finishClosing() throws(OutputError) {
        guard let queue else {
            for sink in sinks { try sink.close() }
            return
        }
        queue.sync {}
        if let failure = currentFailure { throw failure }
    }

    /// Drops the batches not yet written and waits for the one being written: the run failed
    /// or was interrupted, and its staging directory is about to be removed.
    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
        batch.removeAll()
        queue?.sync {}
    }

    private func send() throws(OutputError) {
        if let failure = currentFailure { throw failure }
        guard let queue, !batch.isEmpty else { return }
        let rows = batch
        batch.removeAll(keepingCapacity: true)
        slots.wait()
        queue.async {
            defer { self.slots.signal() }
            self.attempt { () throws(OutputError) in
                for (sink, row) in rows { try self.sinks[sink].write(row) }
            }
        }
    }

    /// Runs `body` on the queue unless the lane has failed or was cancelled; keeps its error.
    private func attempt(_ body: () throws(OutputError) -> Void) {
        guard proceeds else { return }
        do {
            try body()
        } catch {
            fail(error)
        }
    }

    private var proceeds: Bool {
        lock.lock()
        defer { lock.unlock() }
        return failure == nil && !cancelled
    }

    private var currentFailure: OutputError? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }

    private func fail(_ error: OutputError) {
        lock.lock()
        defer { lock.unlock() }
        if failure == nil { failure = error }
    }
}
