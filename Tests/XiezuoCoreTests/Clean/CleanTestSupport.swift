import Foundation
import XCTest

@testable import XiezuoCore

/// Loads the clean fixtures (beside this file) and the real seeds (`seeds/` at the package
/// root), and runs the stage on them.
enum CleanTestSupport {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let seeds = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds")

    static func fixture(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> [UInt8] {
        let url = fixtures.appendingPathComponent(name)
        let data = try XCTUnwrap(
            FileManager.default.contents(atPath: url.path), "missing fixture \(url.path)", file: file, line: line)
        return [UInt8](data)
    }

    /// The seed whose file name starts with `prefix` (`"003"`).
    static func seed(_ prefix: String, file: StaticString = #filePath, line: UInt = #line) throws -> (
        name: String, bytes: [UInt8]
    ) {
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path)
        let name = try XCTUnwrap(
            names.first { $0.hasPrefix(prefix) }, "no seed \(prefix) in \(seeds.path)", file: file, line: line)
        let data = try XCTUnwrap(FileManager.default.contents(atPath: seeds.appendingPathComponent(name).path))
        return (name, [UInt8](data))
    }

    static func articles(_ bytes: [UInt8], name: String = "fixture.txt", config: CleanConfig = CleanConfig()) throws
        -> [Article]
    {
        try TestResources.cleanStage(config: config).articles(from: SourceDocument(name: name, bytes: bytes))
    }

    static func articles(fixture name: String, config: CleanConfig = CleanConfig()) throws -> [Article] {
        try articles(fixture(name), name: name, config: config)
    }

    static func seedArticles(_ prefix: String) throws -> [Article] {
        let seed = try seed(prefix)
        return try articles(seed.bytes, name: seed.name)
    }

    /// `articles` without their paragraphs' source bytes, which differ by encoding and markup:
    /// what "the same articles" means for copies of a page in another encoding or as HTML.
    static func content(_ articles: [Article]) -> [Article] {
        articles.map { article in
            var article = article
            article.paragraphSources = []
            return article
        }
    }

    /// The reason clean rejects `bytes` with, or a failure if it accepts them.
    static func rejectReason(
        _ bytes: [UInt8], config: CleanConfig = CleanConfig(), file: StaticString = #filePath, line: UInt = #line
    ) -> String? {
        let stage: CleanStage
        do {
            stage = try TestResources.cleanStage(config: config)
        } catch {
            XCTFail("setup failed: \(error)", file: file, line: line)
            return nil
        }
        do {
            let articles = try stage.articles(from: SourceDocument(name: "bad.txt", bytes: bytes))
            XCTFail("expected a reject, got \(articles.count) article(s)", file: file, line: line)
            return nil
        } catch {
            XCTAssertEqual(error.source, "bad.txt", file: file, line: line)
            XCTAssertEqual(error.stage, .clean, file: file, line: line)
            return error.reason
        }
    }

    /// Non-whitespace scalars: the unit of `removedChars`.
    static func weight(_ texts: String...) -> Int {
        texts.reduce(0) { total, text in
            total + text.unicodeScalars.filter { !$0.properties.isWhitespace && !invisible.contains($0.value) }.count
        }
    }

    private static let invisible: Set<UInt32> = [0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060]
}
