import XiezuoCore

/// What a pipeline worker does with one source's bytes: `ArticleProcessor.process`, the very
/// function the pipeline calls (clean, then extract, paragraphs and fingerprints of each
/// article), with the default configuration. A reject is a normal outcome; only a crash, a
/// sanitizer report or a hang is a finding.
enum ArticlePath {
    /// Built once per process, by the setup every run makes: OpenCC and the gazetteer take far
    /// longer to load than one input.
    private static let processor: ArticleProcessor? = {
        do {
            return try ArticleProcessor(config: PipelineConfig())
        } catch {
            print("xiezuo-fuzz: \(error)")
            return nil
        }
    }()

    /// False when setup failed (a broken install, not a finding).
    static var isReady: Bool { processor != nil }

    /// What one input gave, so that the work cannot be optimised away.
    struct Outcome {
        var articles = 0
        var facts = 0
        var paragraphs = 0
    }

    @discardableResult
    static func run(_ bytes: [UInt8]) -> Outcome {
        guard let processor else { return Outcome() }
        var outcome = Outcome()
        for article in processor.process(SourceDocument(name: "fuzz-input", bytes: bytes)).articles {
            outcome.articles += 1
            outcome.facts += article.record.facts.count
            outcome.paragraphs += article.paragraphs.count
        }
        return outcome
    }
}
