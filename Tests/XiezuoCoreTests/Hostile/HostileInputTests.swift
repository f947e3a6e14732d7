import Foundation
import XCTest

@testable import XiezuoCore

/// Regressions for what the hostile corpus (issue 9) found, each at the stage where it lived.
/// Fetch's (a file gone before reading, a symlink loop that read "error 256") are checked end
/// to end by `HostileCorpusTests`, through the binary, whatever fetch's internal API.
final class HostileInputTests: XCTestCase {
    private func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    func testALineLongerThanMaxArticleCharsRejectsTheSource() throws {
        var config = CleanConfig()
        config.maxArticleChars = 1_000
        let source = SourceDocument(name: "line.txt", bytes: Array(String(repeating: "协作投资5万元，", count: 200).utf8))
        XCTAssertThrowsError(try TestResources.cleanStage(config: config).articles(from: source)) { error in
            XCTAssertEqual(
                (error as? Reject)?.reason,
                "not a news article: line 1 has 1600 characters, more than clean.max_article_chars (1000); raise the limit to read it")
        }
    }

    func testAnArticleLongerThanMaxArticleCharsRejectsTheSource() throws {
        var config = CleanConfig()
        config.maxArticleChars = 1_000
        let paragraph = "东西部协作项目在当地落地见效，带动群众增收致富，乡村面貌焕然一新。"
        let text = (0..<60).map { "\($0 + 1)、" + paragraph }.joined(separator: "\n")
        let source = SourceDocument(name: "long.txt", bytes: Array(text.utf8))
        XCTAssertThrowsError(try TestResources.cleanStage(config: config).articles(from: source)) { error in
            let reason = (error as? Reject)?.reason ?? ""
            XCTAssertTrue(reason.hasPrefix("not a news article: article 1 has "), reason)
            XCTAssertTrue(reason.hasSuffix("more than clean.max_article_chars (1000); raise the limit to read it"), reason)
        }
    }

    func testMaxArticleCharsBelowMinArticleCharsIsAConfigProblem() throws {
        var config = CleanConfig()
        config.maxArticleChars = 10
        XCTAssertEqual(
            config.problems(at: "clean").map(\.description),
            ["clean.max_article_chars: must be at least 1 and at least min_article_chars"])
    }

    func testAnUnpunctuatedRunIsCutIntoSentencesAfterItsCommas() {
        let text = Array(String(repeating: "投入资金100万元，", count: 300).unicodeScalars)
        let sentences = SentenceSplitter.sentences(in: text)
        XCTAssertTrue(sentences.allSatisfy { $0.range.count <= SentenceSplitter.maxChars })
        XCTAssertTrue(sentences.dropLast().allSatisfy { text[$0.range.upperBound - 1] == "，" })
        XCTAssertEqual(sentences.map(\.range.count).reduce(0, +), text.count)
    }

    /// One paragraph of 150,000 characters with 10,000 figures and years and no full stop: the
    /// money-cue search and the year rules were quadratic in the sentence (and cubic in the
    /// paragraph for scene years), and such an article ran for hours.
    func testAWallOfFiguresIsExtractedInBoundedTime() throws {
        let extract = ExtractStage(config: ExtractConfig(), gazetteer: try TestResources.gazetteer(), programmes: try TestResources.programmes())
        let text = (0..<10_000).map { "\(2000 + $0 % 20)年投资\($0)万元，" }.joined()
        var facts: [Fact] = []
        let elapsed = seconds { facts = extract.facts(in: Article(source: "wall.txt", part: 0, text: text)) }
        XCTAssertGreaterThan(facts.count, 1_000)
        XCTAssertLessThan(elapsed, 30, "extract took \(elapsed) s")
    }
}

extension HostileInputTests {
    /// The first half of a seed in UTF-8, the rest in GB18030: the reject says where UTF-8 ends.
    func testAFileThatSwitchesEncodingMidwaySaysSo() throws {
        let url = FuzzRegressionTests.fixtures.appendingPathComponent("hostile-mixed-encodings.txt")
        let bytes = [UInt8](try XCTUnwrap(FileManager.default.contents(atPath: url.path)))
        let source = SourceDocument(name: "mixed.txt", bytes: bytes)
        XCTAssertThrowsError(try TestResources.cleanStage(config: CleanConfig()).articles(from: source)) { error in
            let reason = (error as? Reject)?.reason ?? ""
            XCTAssertTrue(reason.hasPrefix("not decodable as UTF-8, GB18030 or Big5 (invalid sequence at byte "), reason)
            XCTAssertTrue(reason.hasSuffix("; it is valid UTF-8 up to byte 4008, so it may mix encodings"), reason)
        }
    }

    /// `3\u{202E}00\u{202C}人`: bidi controls inside a figure split it, and the fact was lost
    /// without a word. Clean drops direction controls and counts them in `removedChars`, so the
    /// figure is found and the document shows that its text was altered.
    func testDirectionControlsInsideFiguresAreDroppedAndCounted() throws {
        let lead = "协作双方持续深化产业合作，推动乡村振兴取得新成效，群众的获得感和幸福感不断增强。"
        let paragraph = lead + "2024年，东西部协作项目在当地落地见效，带动群众就业3\u{202E}00\u{202C}人，投入资金1\u{2066}6\u{2069}00万元。"
        let source = SourceDocument(name: "bidi.txt", bytes: Array(paragraph.utf8))
        let article = try XCTUnwrap(try TestResources.cleanStage(config: CleanConfig()).articles(from: source).first)
        XCTAssertEqual(article.text, lead + "2024年，东西部协作项目在当地落地见效，带动群众就业300人，投入资金1600万元。")
        XCTAssertEqual(article.removedChars, 4, "two embedding controls and two isolate controls")
        let facts = ExtractStage(config: ExtractConfig(), gazetteer: try TestResources.gazetteer(), programmes: try TestResources.programmes()).facts(in: article)
        XCTAssertEqual(facts.map(\.text), ["300人", "1600万元"])
        // The evidence is the cleaned sentence, exactly as `text` stands in it.
        for fact in facts { XCTAssertTrue(fact.evidence.contains(fact.text), fact.evidence) }
    }
}
