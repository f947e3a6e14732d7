import XCTest

@testable import XiezuoCore

/// Clean hands each article's scalars to extract with the article (`Article.cleanScalars`), so
/// that extract does not decode the text's UTF-8 a second time. The copy must always be the
/// text's own scalars, vanish when the text changes, and change nothing that is compared or
/// extracted.
final class CleanScalarHandOverTests: XCTestCase {
    /// Every article of every seed (a Traditional, spun and spam-laden one among them, whose
    /// text the repair step rewrote) carries exactly the scalars of its text.
    func testEveryCleanedArticleCarriesTheScalarsOfItsText() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            for article in try CleanTestSupport.seedArticles(prefix) {
                let carried = try XCTUnwrap(article.cleanScalars.scalars, "\(article.source) part \(article.part)")
                XCTAssertEqual(carried, Array(article.text.unicodeScalars), "\(article.source) part \(article.part)")
                XCTAssertEqual(article.chars, article.text.unicodeScalars.count)
            }
        }
    }

    /// A text set after cleaning (by a caller, a test, `xiezuo map`) is what extract reads:
    /// the carried scalars are dropped, and the new text is decoded when asked for.
    func testChangingTheTextDropsTheCarriedScalars() throws {
        var article = try XCTUnwrap(try CleanTestSupport.seedArticles("000").first)
        XCTAssertNotNil(article.cleanScalars.scalars)
        article.text = "东西部协作投入资金3200万元。"
        XCTAssertNil(article.cleanScalars.scalars)
        XCTAssertEqual(article.scalars, Array("东西部协作投入资金3200万元。".unicodeScalars))
        XCTAssertEqual(article.chars, 16)
    }

    /// The carried scalars take no part in equality, and extract finds the same programmes and
    /// facts from them as from the text decoded anew.
    func testTheCarriedScalarsChangeNeitherEqualityNorExtraction() throws {
        let stage = ExtractStage(
            config: ExtractConfig(), gazetteer: try TestResources.gazetteer(), programmes: try TestResources.programmes())
        var compared = 0
        for prefix in ["000", "001", "002", "003", "004"] {
            for article in try CleanTestSupport.seedArticles(prefix) {
                var decoded = article
                decoded.cleanScalars = ArticleScalars()
                XCTAssertEqual(decoded, article)
                let fromClean = stage.extraction(of: article)
                let fromText = stage.extraction(of: decoded)
                XCTAssertEqual(fromClean.programmes, fromText.programmes, "\(article.source) part \(article.part)")
                XCTAssertEqual(fromClean.facts, fromText.facts, "\(article.source) part \(article.part)")
                compared += fromText.facts.count
            }
        }
        XCTAssertGreaterThan(compared, 0, "the seeds hold facts")
    }

    /// `SourceLineIndex` skips eight bytes at a time where none can be a line break: line
    /// breaks (LF, CR LF, lone CR) at every offset modulo 8, between multi-byte characters and
    /// bytes just above and below CR and LF, still give each line's exact bytes.
    func testSourceLinesAreFoundWhereverTheBreaksFallInAWord() {
        let pieces: [[UInt8]] = [
            Array("协".utf8), Array("a".utf8), [0x0B], [0x0C], [0x0E], [0x09], Array("作".utf8), Array("é".utf8),
        ]
        let breaks: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D]]
        var state: UInt32 = 12_345
        func next(_ bound: Int) -> Int {
            state = state &* 1_103_515_245 &+ 12_345
            return Int(state >> 16) % bound
        }
        for round in 0..<200 {
            var bytes: [UInt8] = []
            var lines: [Range<Int>] = []
            var lineStart = 0
            for _ in 0..<(1 + next(12)) {
                // At least one piece: a lone CR before an empty line ending in LF would read as CR LF.
                for _ in 0..<(1 + next(25)) { bytes += pieces[next(pieces.count)] }
                lines.append(lineStart..<bytes.count)
                bytes += breaks[next(breaks.count)]
                lineStart = bytes.count
            }
            for _ in 0..<next(20) { bytes += pieces[next(pieces.count)] }
            lines.append(lineStart..<bytes.count)
            let index = SourceLineIndex(bytes: bytes, encoding: .utf8, loneCarriageReturnEndsLine: true)
            XCTAssertEqual(index.lineCount, lines.count, "round \(round)")
            for (number, line) in lines.enumerated() {
                XCTAssertEqual(index.span(of: number...number)?.bytes, line, "round \(round), line \(number + 1)")
            }
        }
    }
}
