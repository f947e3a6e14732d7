import ArgumentParser
import Foundation
import XiezuoCore

@main
struct Xiezuo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xiezuo",
        abstract: "Turns Chinese news on regional cooperation programmes into tables of investments, jobs and project counts.",
        version: XiezuoVersion.current,
        subcommands: [RunCommand.self, ValidateCommand.self, ReportCommand.self, MapCommand.self, DedupeCommand.self]
    )

    /// Exit codes scripts rely on (`ExitStatus`): 0 ok, 1 failed run, 2 bad usage or configuration,
    /// 3 locked, 4 rejects under --strict.
    /// ArgumentParser reports usage errors as 64; they are mapped to 2 here.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
