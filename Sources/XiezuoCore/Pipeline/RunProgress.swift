import Dispatch
import Foundation

/// Counters a progress display polls while the pipeline runs. The pipeline only counts; how
/// (and whether) progress is shown is the caller's business.
///
/// `@unchecked Sendable`: every field is read and written under `lock`.
public final class RunProgress: @unchecked Sendable {
    /// A consistent copy of the counters.
    public struct Snapshot: Sendable, Equatable {
        public var phase: RunPhase = .starting
        public var sources = 0
        public var sourcesDone = 0
        /// Total bytes of the planned sources that could be sized up front (local files).
        public var bytes = 0
        public var bytesDone = 0
        public var articlesDone = 0
        /// When the workers started reading (`DispatchTime` uptime nanoseconds); 0 before.
        public var readingSince: UInt64 = 0
    }

    private let lock = NSLock()
    private var state = Snapshot()

    public init() {}

    public var snapshot: Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return state
    }

    /// The workers start on `plan`: sizes the sources that are local files.
    func planned(_ plan: [SourceReference]) {
        // A URL's size is known only once downloaded; the estimate then leans on the files.
        let bytes = plan.reduce(0) { $0 + ($1.plannedSize ?? 0) }
        update {
            $0.phase = .reading
            $0.sources = plan.count
            $0.bytes = bytes
            $0.readingSince = DispatchTime.now().uptimeNanoseconds
        }
    }

    func sourceFinished(bytes: Int, articles: Int) {
        update {
            $0.sourcesDone += 1
            $0.bytesDone += bytes
            $0.articlesDone += articles
        }
    }

    func enter(_ phase: RunPhase) {
        update { $0.phase = phase }
    }

    private func update(_ change: (inout Snapshot) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&state)
    }
}
