import Foundation
import XCTest

@testable import XiezuoCore

/// The store's compact record layout gives back every record the rules make of the seeds and
/// the development set, field for field, in fewer bytes, and a damaged record is reported.
final class ArticleRecordCodecTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func records() throws -> [ArticleRecord] {
        try articles().map(\.record)
    }

    private func articles() throws -> [ProcessedArticle] {
        let processor = try ArticleProcessor(config: PipelineConfig(), resources: TestResources.resources())
        var articles: [ProcessedArticle] = []
        for folder in ["seeds", "Tests/xiezuoTests/Fixtures/dev/inputs"] {
            let directory = Self.root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where !name.hasPrefix(".") {
                let bytes = try XCTUnwrap(FileManager.default.contents(atPath: directory.appendingPathComponent(name).path))
                articles += processor.process(SourceDocument(name: "\(folder)/\(name)", bytes: [UInt8](bytes))).articles
            }
        }
        return articles
    }

    private func decode(_ bytes: [UInt8]) throws -> ArticleRecord {
        var decoder = RecordDecoder(bytes)
        return try ArticleRecord(from: &decoder)
    }

    func testEveryRecordComesBackAsItWas() throws {
        let records = try records()
        XCTAssertGreaterThan(records.count, 30)
        XCTAssertGreaterThan(records.map(\.facts.count).reduce(0, +), 150)
        // Facts that share fields with the fact before and facts that do not, nil after a value
        // and a value after nil, are all among them.
        XCTAssertTrue(records.contains { $0.facts.count > 1 && $0.facts[0].evidence == $0.facts[1].evidence })
        XCTAssertTrue(records.contains { $0.facts.count > 1 && $0.facts[0].region != nil && $0.facts[1].region == nil })
        for record in records {
            var encoder = RecordEncoder()
            record.encode(to: &encoder)
            XCTAssertEqual(try decode(encoder.bytes), record, record.documentID)
        }
    }

    func testADamagedRecordIsReportedNotTrapped() throws {
        let records = try records()
        let record = try XCTUnwrap(records.max { $0.facts.count < $1.facts.count })
        var encoder = RecordEncoder()
        record.encode(to: &encoder)
        let bytes = encoder.bytes
        for end in 0..<bytes.count {
            XCTAssertThrowsError(try decode(Array(bytes[..<end])), "cut at \(end) of \(bytes.count)")
        }
        XCTAssertThrowsError(try decode(bytes + [0]), "a byte after the last fact")
        var unknownLayout = bytes
        unknownLayout[0] = 4  // layout 2
        XCTAssertThrowsError(try decode(unknownLayout))

        // "The same as the previous fact's" in the first fact.
        var first = RecordEncoder()
        var oneFact = record
        oneFact.facts = [record.facts[0]]
        oneFact.encode(to: &first)
        var same = RecordEncoder()
        oneFact.facts = []
        oneFact.encode(to: &same)
        XCTAssertEqual(same.bytes.last, 0, "no facts")
        var marked = Array(same.bytes.dropLast())
        marked.append(2)  // one fact
        marked.append(3)  // whose category is "the same as before"
        marked.append(contentsOf: first.bytes[(same.bytes.count + 1 + record.facts[0].category.rawValue.utf8.count)...])
        XCTAssertThrowsError(try decode(marked))
    }

    func testEveryArticlesParagraphsComeBackAsTheyWere() throws {
        let articles = try articles()
        XCTAssertTrue(articles.contains { $0.paragraphs.count > 5 && $0.paragraphs.allSatisfy { $0.source != nil } })
        var longest: [UInt8] = []
        for article in articles {
            var encoder = RecordEncoder()
            ArticleParagraph.encode(article.paragraphs, to: &encoder)
            var decoder = RecordDecoder(encoder.bytes)
            XCTAssertEqual(try ArticleParagraph.decode(from: &decoder), article.paragraphs, article.record.documentID)
            if encoder.bytes.count > longest.count { longest = encoder.bytes }
        }
        // Without their sources, and none at all.
        let bare = [ArticleParagraph(offset: 0, chars: 12, source: nil), ArticleParagraph(offset: 14, chars: 3, source: nil)]
        for paragraphs in [bare, []] {
            var encoder = RecordEncoder()
            ArticleParagraph.encode(paragraphs, to: &encoder)
            var decoder = RecordDecoder(encoder.bytes)
            XCTAssertEqual(try ArticleParagraph.decode(from: &decoder), paragraphs)
        }
        for end in 0..<longest.count {
            var decoder = RecordDecoder(Array(longest[..<end]))
            XCTAssertThrowsError(try ArticleParagraph.decode(from: &decoder), "cut at \(end) of \(longest.count)")
        }
    }
}
