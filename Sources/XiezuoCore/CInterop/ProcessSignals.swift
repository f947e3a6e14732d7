#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The signal and process calls of a run: SIGTERM/SIGINT handling (`RunInterruption`) and
/// telling whether another run's process is still there.
enum ProcessSignals {
    /// Turns off the default action of `number`, so that a Dispatch signal source sees it.
    static func ignore(_ number: Int32) {
        signal(number, SIG_IGN)
    }

    /// Whether a process `pid` exists (it may belong to another user).
    static func isAlive(_ pid: Int32) -> Bool {
        do {
            _ = try SystemCall.check("kill") { kill(pid, 0) }
            return true
        } catch {
            return error.code == EPERM
        }
    }

    /// Ends the process by `number` with its default action, as if the signal had not been
    /// handled: the parent sees a process killed by the signal (a shell shows 128 + it).
    static func terminate(by number: Int32) -> Never {
        signal(number, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        _ = try? SystemCall.check("kill") { kill(getpid(), number) }
        // The default action ends the process; should it not, the code still says why.
        usleep(100_000)
        _exit(128 + number)
    }
}
