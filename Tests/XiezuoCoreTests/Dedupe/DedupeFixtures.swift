import Foundation
import XCTest

@testable import XiezuoCore

/// Articles through the real per-article path (extract's facts, the fingerprint a worker
/// computes) and the global step over them, as the pipeline runs it, without a store.
struct DedupeFixtures {
    let parameters = NearDuplicateParameters()
    let extract: ExtractStage
    private(set) var articles: [Article] = []
    private(set) var fingerprints: [ArticleFingerprint] = []
    private(set) var facts: [[Fact]] = []

    init() throws {
        extract = ExtractStage(config: ExtractConfig(), gazetteer: try TestResources.gazetteer(), programmes: try TestResources.programmes())
    }

    /// Adds an article (its position is its table order) and returns that position.
    @discardableResult
    mutating func add(_ text: String, published: CivilDate? = nil) -> Int {
        let article = Article(
            source: String(format: "page%06d.txt", articles.count), part: 0, text: text, published: published)
        let found = extract.facts(in: article)
        articles.append(article)
        facts.append(found)
        fingerprints.append(ArticleFingerprint(article: article, facts: found, parameters: parameters))
        return articles.count - 1
    }

    var stored: StoredFingerprints {
        StoredFingerprints(
            fingerprints.enumerated().map { index, fingerprint in
                StoredFingerprint(
                    id: index, exactKey: fingerprint.exactKey, published: articles[index].published, chars: articles[index].chars,
                    shingleCount: fingerprint.shingles.count, figures: FigureSignature(entries: fingerprint.figures))
            })
    }

    /// Position of each duplicate → position of the copy it names (store ids here are positions).
    func resolve(passBytes: Int = DedupeStage.entryBytes) throws -> (duplicates: [Int: Int], outcome: DedupeStage.Outcome) {
        let outcome = try DedupeStage(config: DedupeConfig()).resolve(
            stored, bands: parameters.bands, passBytes: passBytes,
            bandKeys: { body in for index in fingerprints.indices { try body(index, fingerprints[index].bandKeys) } }
        ) { id in ShingleSet(sortedUnique: fingerprints[id].shingles) }
        return (outcome.verdicts, outcome)
    }

    /// The README's rule, written out from whole sets: the pair is one story.
    func similar(_ first: Int, _ second: Int) -> Bool {
        let (a, b) = (fingerprints[first], fingerprints[second])
        if a.exactKey == b.exactKey { return true }
        guard a.shingles.count > 0, b.shingles.count > 0 else { return false }
        let threshold = parameters.threshold
        guard Double(min(a.shingles.count, b.shingles.count)) / Double(max(a.shingles.count, b.shingles.count)) >= threshold,
            !FigureSignature(entries: a.figures).conflicts(with: FigureSignature(entries: b.figures))
        else { return false }
        let shared = ShingleSet(sortedUnique: a.shingles).intersectionCount(ShingleSet(sortedUnique: b.shingles))
        let jaccard = Double(shared) / Double(a.shingles.count + b.shingles.count - shared)
        let containment = Double(shared) / Double(min(a.shingles.count, b.shingles.count))
        let (left, right) = (Set(FigureSignature(entries: a.figures).valueKeys), Set(FigureSignature(entries: b.figures).valueKeys))
        let corroborated = left.intersection(right).count >= 2 && left.intersection(right).count == min(left.count, right.count)
        return corroborated ? containment >= threshold / 2 : jaccard >= threshold
    }
}
