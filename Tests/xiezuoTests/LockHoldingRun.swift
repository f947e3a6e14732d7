import Foundation
import XiezuoCore

/// A real run frozen while it holds its lock: started on the seeds, stopped with SIGSTOP as
/// soon as it has recorded itself in the lock file (its gazetteer load alone keeps it busy for
/// far longer than that), so the test decides when it goes on (`resume`) or dies.
final class LockHoldingRun {
    let run: BackgroundRun
    let lockPath: String

    init(output: URL, scratch: URL) throws {
        lockPath = output.appendingPathComponent("store.sqlite.lock").path
        run = try BackgroundRun(
            ["run", "--input", "seeds", "--output", output.path, "--workers", "1", "--log-format", "json"],
            stderrFile: scratch.appendingPathComponent("holder.log")
        )
        let pid = run.pid
        let lockPath = lockPath
        guard BackgroundRun.eventually({ RunLock.holder(at: lockPath)?.pid == pid }) else {
            kill(pid, SIGKILL)
            throw LockHoldingRunError(message: "the first run never recorded itself in \(lockPath); its log: \(run.stderr)")
        }
        kill(pid, SIGSTOP)
        var stillHeld = false
        do {
            _ = try RunLock(path: lockPath, wait: false)
        } catch {
            if case .locked = error { stillHeld = true }
        }
        guard stillHeld else {
            throw LockHoldingRunError(message: "the first run no longer holds \(lockPath) once stopped; its log: \(run.stderr)")
        }
    }

    func resume() {
        kill(run.pid, SIGCONT)
    }
}
