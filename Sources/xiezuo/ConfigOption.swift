import ArgumentParser
import XiezuoCore

/// `--config`, shared by every subcommand.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The pipeline configuration file.", valueName: "file"))
    var config: String = "pipeline.json"

    /// Loads the configuration or exits 2 with every problem listed.
    func load() throws -> PipelineConfig {
        do {
            return try PipelineConfig.load(path: config)
        } catch {
            Diagnostics.print(error.description)
            throw ExitCode(2)
        }
    }
}
