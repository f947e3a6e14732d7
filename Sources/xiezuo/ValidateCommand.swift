import ArgumentParser
import XiezuoCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract:
            "Checks pipeline.json (every problem with its key path) and the setup a run would make (rule tables, OpenCC); exits 2 if there is a problem."
    )

    @OptionGroup var options: ConfigOption

    func run() throws {
        let config = try options.load()
        // The setup `run` makes before it locks anything: a rule table or an OpenCC
        // configuration that cannot be loaded is found here as it would be there.
        do {
            _ = try ArticleProcessor(config: config)
        } catch {
            Diagnostics.print(error.description)
            throw ExitCode(2)
        }
        print("\(options.config): valid")
    }
}
