import ArgumentParser
import Foundation
import Logging
import XiezuoCore

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Runs fetch → clean → dedupe → extract → aggregate and writes the tables.",
        discussion: "Exit status: 0 success (also when some inputs were rejected), 1 failed run, 2 bad usage or configuration."
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

    func validate() throws {
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1.") }
    }

    func run() throws {
        var config = try options.load()
        if !input.isEmpty { config.fetch.sources = input.map(FetchSource.init(string:)) }
        if let output { config.output.directory = output }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let runner = PipelineRunner(config: config, workers: workers, logger: Logger(label: "xiezuo"))
        do {
            let report = try runner.run()
            FileHandle.standardError.write(Data((report.summaryLine + "\n").utf8))
        } catch {
            Diagnostics.print(error.description)
            throw ExitCode(error.exitCode)
        }
    }
}
