/// Seconds per stage of work that passes from one stage to the next (`ArticleProcessor.process`
/// tells when each begins): the time from one `enter` to the next, or to `stop`, is the
/// entered stage's.
struct StageClock {
    private var current: (stage: StageName, timer: StageTimer)?
    private var spent: [StageName: Double] = [:]

    mutating func enter(_ stage: StageName) {
        stop()
        current = (stage, StageTimer())
    }

    mutating func stop() {
        guard let current else { return }
        spent[current.stage, default: 0] += current.timer.seconds
        self.current = nil
    }

    func seconds(of stage: StageName) -> Double {
        spent[stage] ?? 0
    }
}
