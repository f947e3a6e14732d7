import Dispatch
import Foundation
import XiezuoCore

/// The one-line progress display on stderr: redrawn at most four times a second from the
/// pipeline's counters, with articles/s, MB/s and the time left, estimated from the bytes
/// read so far (or the sources, when their sizes are unknown).
///
/// `@unchecked Sendable`: `timer` is set in `start` and cleared in `stop`, both called from
/// the command's thread; the timer's handler reads only `let`s.
final class ProgressDisplay: @unchecked Sendable {
    let progress = RunProgress()
    private let output: StandardErrorLines
    private let queue = DispatchQueue(label: "xiezuo.progress")
    private let started = DispatchTime.now()
    private var timer: (any DispatchSourceTimer)?

    init(output: StandardErrorLines) {
        self.output = output
    }

    func start() {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now(), repeating: .milliseconds(250))
        timer.setEventHandler { [self] in output.showStatus(line(progress.snapshot)) }
        timer.resume()
        self.timer = timer
    }

    func stop() {
        guard let timer else { return }
        // Cancelling on the timer's queue guarantees no redraw follows the clearing.
        queue.sync { timer.cancel() }
        self.timer = nil
        // The final counts are drawn once before the line is cleared: a run shorter than a
        // tick (or one whose last tick came before its last phase) still shows where it ended.
        output.showStatus(line(progress.snapshot))
        output.clearStatus()
    }

    private func line(_ snapshot: RunProgress.Snapshot) -> String {
        let now = DispatchTime.now().uptimeNanoseconds
        let elapsed = Double(now - started.uptimeNanoseconds) / 1_000_000_000
        guard snapshot.phase != .starting else { return "xiezuo starting  elapsed " + Self.clock(elapsed) }
        // Rates count from when the workers started, not from loading the gazetteer and store.
        let reading = Double(now - min(now, snapshot.readingSince)) / 1_000_000_000
        var parts = ["xiezuo \(snapshot.phase.rawValue)", "\(snapshot.sourcesDone)/\(snapshot.sources) sources"]
        if reading > 0 {
            parts.append(String(format: "%.1f articles/s", Double(snapshot.articlesDone) / reading))
            parts.append(String(format: "%.2f MB/s", Double(snapshot.bytesDone) / 1_000_000 / reading))
        }
        parts.append(snapshot.phase == .reading ? "ETA " + Self.remaining(snapshot, elapsed: reading) : "elapsed " + Self.clock(elapsed))
        return parts.joined(separator: "  ")
    }

    private static func remaining(_ snapshot: RunProgress.Snapshot, elapsed: Double) -> String {
        let fraction: Double
        if snapshot.bytes > 0 {
            fraction = Double(snapshot.bytesDone) / Double(snapshot.bytes)
        } else if snapshot.sources > 0 {
            fraction = Double(snapshot.sourcesDone) / Double(snapshot.sources)
        } else {
            fraction = 0
        }
        guard fraction > 0 else { return "--:--" }
        return clock(elapsed * (1 - min(fraction, 1)) / fraction)
    }

    /// m:ss, or h:mm:ss from an hour on.
    private static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%d:%02d", minutes, secs)
    }
}
