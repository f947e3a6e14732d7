import XCTest

@testable import XiezuoCore

/// The exact key is stored between nights, so the fast normalised hash must give the values of
/// its definition: FNV-1a of the UTF-8 of every scalar that is neither whitespace nor
/// punctuation nor a symbol, ASCII letters lowercased.
final class ArticleFingerprintTests: XCTestCase {
    private func definition(_ text: String) -> UInt64 {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isWhitespace { continue }
            switch properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
                continue
            default:
                break
            }
            bytes.append(contentsOf: String(scalar).lowercasedASCII.utf8)
        }
        return StableHash.value(of: bytes)
    }

    func testNormalisedHashMatchesItsDefinition() {
        let samples = [
            "", "  \t\n", "广州市黄埔区帮扶资金1.2亿元，带动就业3000人。", "ABC def, GHI!", "「粤黔协作」——2024年（第一批）",
            "全角ＡＢＣ１２３　空格", "𠀀𠮷 emoji 😀 and ℃ ¥100 € §", "Ünïcödé ǅ ß İ", "\u{00A0}\u{2003}\u{3000}\u{200B}x",
            "\u{4DFF}\u{4E00}\u{9FFF}\u{A000}Ａ",  // around the ideographs' fast path
        ]
        for sample in samples {
            XCTAssertEqual(key(sample), definition(sample), sample)
        }
    }

    func testNormalisedHashMatchesOnEveryPlaneSample() {
        // Every 97th scalar of the BMP and a stride through the supplementary planes.
        var scalars = String.UnicodeScalarView()
        for value in stride(from: UInt32(0), to: 0x10000, by: 97) { if let s = Unicode.Scalar(value) { scalars.append(s) } }
        for value in stride(from: UInt32(0x10000), to: 0x110000, by: 4099) {
            if let s = Unicode.Scalar(value) { scalars.append(s) }
        }
        let text = String(scalars)
        XCTAssertEqual(key(text), definition(text))
    }

    func testLayoutAndCaseDoNotChangeTheKey() {
        XCTAssertEqual(key("投资 12 亿元。\nABC"), key("投资12亿元abc"))
        XCTAssertNotEqual(key("投资12亿元"), key("投资13亿元"))
    }

    /// The fingerprint and the paragraphs are made from clean's scalars (`Article.scalars`):
    /// every seed article gives the same ones as with its text decoded anew.
    func testCleansScalarsGiveTheFingerprintAndParagraphsOfTheText() throws {
        let stage = ExtractStage(
            config: ExtractConfig(), gazetteer: try TestResources.gazetteer(), programmes: try TestResources.programmes())
        var compared = 0
        for prefix in ["000", "001", "002", "003", "004"] {
            for article in try CleanTestSupport.seedArticles(prefix) {
                XCTAssertNotNil(article.cleanScalars.scalars)
                var decoded = article
                decoded.cleanScalars = ArticleScalars()
                let facts = stage.extraction(of: article).facts
                XCTAssertEqual(
                    ArticleFingerprint(article: article, facts: facts, parameters: NearDuplicateParameters()),
                    ArticleFingerprint(article: decoded, facts: facts, parameters: NearDuplicateParameters()),
                    "\(article.source) part \(article.part)")
                XCTAssertEqual(ArticleParagraph.paragraphs(of: article), ArticleParagraph.paragraphs(of: decoded))
                XCTAssertEqual(
                    ArticleParagraph.paragraphs(of: article).map { $0.offset..<($0.offset + $0.chars) },
                    TextParagraphs.ranges(of: article.text.unicodeScalars))
                compared += facts.count
            }
        }
        XCTAssertGreaterThan(compared, 0, "the seeds hold facts")
    }

    private func key(_ text: String) -> UInt64 {
        ArticleFingerprint.normalisedHash(of: Array(text.unicodeScalars))
    }
}

extension String {
    fileprivate var lowercasedASCII: String {
        String(String.UnicodeScalarView(unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar(UInt8(truncatingIfNeeded: $0.value + 32)) : $0 }))
    }
}
