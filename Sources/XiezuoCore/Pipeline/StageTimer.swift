import Dispatch

/// Wall-clock seconds of a piece of work, from a monotonic clock.
struct StageTimer {
    private let start = DispatchTime.now().uptimeNanoseconds

    var seconds: Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000
    }
}
