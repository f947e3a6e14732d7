import XiezuoCore

/// What a pipeline worker does with one source's bytes, through XiezuoCore's public API:
/// clean into articles, then extract and fingerprint each. A reject is a normal outcome; only
/// a crash, a sanitizer report or a hang is a finding.
enum ArticlePath {
    /// Built once per process: OpenCC and the gazetteer take far longer to load than one input.
    private static let stages: (clean: CleanStage, extract: ExtractStage)? = {
        do {
            let clean = try CleanStage.prepared(config: CleanConfig())
            return (clean, ExtractStage(config: ExtractConfig(), gazetteer: try Gazetteer.bundled()))
        } catch {
            print("xiezuo-fuzz: the stages cannot start: \(error)")
            return nil
        }
    }()

    /// False when the stages could not be set up (a broken install, not a finding).
    static var isReady: Bool { stages != nil }

    /// The number of facts found, so that the work cannot be optimised away.
    @discardableResult
    static func run(_ bytes: [UInt8]) -> Int {
        guard let stages else { return 0 }
        let source = SourceDocument(ordinal: 0, name: "fuzz-input", bytes: bytes)
        let articles: [Article]
        do {
            articles = try stages.clean.articles(from: source)
        } catch {
            return 0
        }
        var facts = 0
        for article in articles {
            let found = stages.extract.facts(in: article)
            facts += found.count
            _ = ArticleFingerprint(article: article, facts: found, parameters: NearDuplicateParameters())
        }
        return facts
    }
}
