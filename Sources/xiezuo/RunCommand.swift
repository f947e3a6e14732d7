import ArgumentParser
import Foundation
import Logging
import XiezuoCore

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Runs fetch → clean → extract on each source, then dedupe → aggregate, and writes the tables.",
        discussion: """
            Exit status: 0 success (also when some inputs were rejected), 1 failed run, 2 bad usage or \
            configuration, 3 another run holds the lock, 4 with --strict when an input was rejected.
            """
    )

    @OptionGroup var options: ConfigOption

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Files, directories or http(s) URLs to read instead of fetch.sources.", valueName: "path"))
    var input: [String] = []

    @Option(name: .long, help: ArgumentHelp("Directory for the tables instead of output.directory.", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Parallel workers for the per-article stages (default: active cores).", valueName: "n"))
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Wait for a running xiezuo to finish instead of exiting 3.")
    var wait = false

    @Option(name: .long, help: ArgumentHelp("Log lines for people (human) or one JSON object per line (json).", valueName: "format"))
    var logFormat: LogFormat = .human

    @Option(
        name: .long,
        help: ArgumentHelp("Progress line on stderr: auto (only on a terminal, human logs), always or never.", valueName: "when"))
    var progress: ProgressMode = .auto

    @Flag(name: .long, help: "Exit 4 when any input was rejected; the tables are still written.")
    var strict = false

    @Flag(name: .long, help: "Print the plan (sources, stages, output paths) and write nothing.")
    var dryRun = false

    @Flag(
        name: .long,
        help: "Rebuild the history from scratch: every source is processed again into a new store, which replaces the old one only when the run succeeds.")
    var fullRefresh = false

    func validate() throws {
        guard (1...PipelineRunner.maxWorkers).contains(workers) else {
            throw ValidationError("--workers must be between 1 and \(PipelineRunner.maxWorkers); \(workers) is out of range.")
        }
        if progress == .always && logFormat == .json {
            throw ValidationError("--progress always would mix the progress line into the JSON log; use --log-format human.")
        }
    }

    /// How long a signalled run may take to reach a checkpoint before it is ended by force.
    static let signalGrace = 5.0

    func run() throws {
        let lines = StandardErrorLines()
        let format = logFormat
        LoggingSystem.bootstrap { label in format.handler(label: label, output: lines) }
        let logger = Logger(label: "xiezuo")
        let interruption = RunInterruption()
        interruption.install(grace: Self.signalGrace) { signal in
            Self.logStopped(
                signal, logger: logger,
                reason: "stopped by \(RunInterruption.name(of: signal)); it did not stop within \(Int(Self.signalGrace)) s and was "
                    + "ended at once: its staging directory was removed, the previous outputs were left as they were, and the "
                    + "store's unfinished changes are rolled back when it is next opened")
            lines.clearStatus()
        }
        let status = execute(logger: logger, lines: lines, interruption: interruption)
        if status != .ok { throw ExitCode(status.rawValue) }
    }

    /// The `run failed` event of a run stopped by a signal; the process then ends by the signal.
    private static func logStopped(_ signal: Int32, logger: Logger, reason: String) {
        logger.error(
            "run failed",
            metadata: [
                "error.reason": "\(reason)", "exit.code": .stringConvertible(Int(128 + signal)),
                "signal": "\(RunInterruption.name(of: signal))",
            ])
    }

    private func execute(logger: Logger, lines: StandardErrorLines, interruption: RunInterruption) -> ExitStatus {
        var config: PipelineConfig
        do {
            config = try PipelineConfig.load(path: options.config)
        } catch {
            return failed(error.description, status: .usage, logger: logger)
        }
        if !input.isEmpty { config.fetch.sources = input.map(FetchSource.init(string:)) }
        if let output { config.output.directory = output }
        if let problem = OutputPlacement.problem(in: config) {
            return failed(problem, status: .usage, logger: logger)
        }

        if dryRun {
            do {
                FileHandle.standardOutput.write(Data(try RunPlan(config: config, workers: workers, logger: logger).text.utf8))
                return .ok
            } catch {
                return failed(error.description, status: ExitStatus(rawValue: error.exitCode) ?? .failed, logger: logger)
            }
        }

        do {
            try config.checkStoreDirectory()
        } catch {
            return failed(error.description, status: .usage, logger: logger)
        }
        // One allocator arena per worker (at least two), set before the run starts its threads.
        MallocArenas.limit(to: max(2, workers))
        // Setup before the lock is taken: a rule table or OpenCC configuration that cannot be
        // loaded fails at once (exit 2), as --dry-run and validate would, even under --wait.
        let processor: ArticleProcessor
        do {
            processor = try ArticleProcessor(config: config)
        } catch {
            return failed(RunError.setup(error).description, status: .usage, logger: logger)
        }
        let lock: RunLock
        do {
            lock = try RunLock(path: config.runLockPath, wait: wait) { holder in
                logger.info("waiting for the lock", metadata: Self.metadata(lockPath: config.runLockPath, holder: holder))
            }
        } catch {
            var metadata = Self.metadata(lockPath: config.runLockPath, holder: nil)
            if case .locked(_, let holder) = error { metadata = Self.metadata(lockPath: config.runLockPath, holder: holder) }
            return failed(error.description, status: error.exitStatus, logger: logger, metadata: metadata)
        }

        let display = progress.shows(logFormat: logFormat) ? ProgressDisplay(output: lines) : nil
        let runner = PipelineRunner(
            config: config, processor: processor, workers: workers, fullRefresh: fullRefresh, logger: logger,
            progress: display?.progress, interruption: interruption)
        display?.start()
        let report: RunReport
        do {
            report = try runner.run()
        } catch {
            display?.stop()
            if case .interrupted(let signal) = error {
                // Unless the forced path is already ending the process, this run ends it.
                guard interruption.claimExit() else { while true { Thread.sleep(forTimeInterval: 60) } }
                Self.logStopped(signal, logger: logger, reason: error.description)
                RunInterruption.terminate(by: signal)
            }
            return failed(error.description, status: ExitStatus(rawValue: error.exitCode) ?? .failed, logger: logger)
        }
        display?.stop()
        withExtendedLifetime(lock) {}

        if logFormat == .human { lines.writeLine(report.summaryLine) }
        if strict && report.rejects > 0 {
            return failed(
                "\(report.rejects) inputs were rejected and --strict is set; the tables were written (see rejects.csv)",
                status: .rejected, logger: logger, metadata: ["run.rejects": .stringConvertible(report.rejects)]
            )
        }
        return .ok
    }

    /// The one error event of a run that does not exit 0: what happened and the exit code.
    private func failed(
        _ reason: String, status: ExitStatus, logger: Logger, metadata: Logger.Metadata = [:]
    ) -> ExitStatus {
        var metadata = metadata
        metadata["error.reason"] = "\(reason)"
        metadata["exit.code"] = .stringConvertible(Int(status.rawValue))
        logger.error("run failed", metadata: metadata)
        return status
    }

    private static func metadata(lockPath: String, holder: RunLockHolder?) -> Logger.Metadata {
        var metadata: Logger.Metadata = ["lock.path": "\(lockPath)"]
        if let holder {
            metadata["lock.holder.pid"] = .stringConvertible(Int(holder.pid))
            metadata["lock.holder.host"] = "\(holder.host)"
            metadata["lock.holder.started"] = "\(holder.started)"
        }
        return metadata
    }
}
