@testable import XiezuoCore

/// xiezuo's built-in rule tables, read once for all tests (as `ArticleProcessor` reads them
/// once per run), and the stages built on them.
enum TestResources {
    private static let builtIn = Result { () throws(ProcessorSetupError) in try ProcessorResources.load(directory: nil) }

    static func resources() throws -> ProcessorResources {
        try builtIn.get()
    }

    /// A clean stage on the built-in tables; OpenCC is opened when first needed, or by `prepare()`.
    static func cleanStage(config: CleanConfig = CleanConfig()) throws -> CleanStage {
        let resources = try resources()
        return CleanStage(config: config, despinTable: resources.despinTable, openCCSinglePass: resources.openCCSinglePass)
    }

    static func gazetteer() throws -> Gazetteer {
        try resources().gazetteer
    }

    static func programmes() throws -> ProgrammeVocabulary {
        try resources().programmes
    }
}
