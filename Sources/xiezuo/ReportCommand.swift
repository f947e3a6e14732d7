import ArgumentParser
import Foundation
import XiezuoCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Writes one self-contained HTML page about the latest tables: totals, charts, the largest figures, changes, rejects.",
        discussion: "Exit status: 0 written, 1 the tables cannot be read or the page written, 2 bad usage or configuration."
    )

    @OptionGroup var options: ConfigOption

    @Option(name: .long, help: ArgumentHelp("Directory of the tables instead of output.directory.", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Where to write the page (default: report.html in the output directory).", valueName: "file"))
    var to: String?

    func run() throws {
        let directory = try output ?? options.load().output.directory
        let page = to ?? URL(fileURLWithPath: directory).appendingPathComponent("report.html").path
        do {
            try HTMLReport(outputDirectory: directory).write(to: page)
        } catch {
            Diagnostics.print(error.description)
            throw ExitCode(1)
        }
        print(page)
    }
}
