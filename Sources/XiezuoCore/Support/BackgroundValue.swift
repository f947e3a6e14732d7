import Dispatch

/// A value computed on a global queue while the caller goes on with other work; `value` waits
/// for it. Start-up uses it to map the gazetteer and open OpenCC beside the rest of setup, so
/// that a short nightly run spends its set-up time on both cores.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: `result` is written once, by the work, before the group is left, and
    // read only after waiting on the group.
    private let group = DispatchGroup()
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.group.leave()
        }
    }

    /// The work's value, once it has finished.
    var value: Value {
        group.wait()
        guard let result else { preconditionFailure("the work left the group without a value") }
        return result
    }
}
