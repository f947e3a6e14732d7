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
        ]
        for sample in samples {
            XCTAssertEqual(ArticleFingerprint.normalisedHash(of: sample), definition(sample), sample)
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
        XCTAssertEqual(ArticleFingerprint.normalisedHash(of: text), definition(text))
    }

    func testLayoutAndCaseDoNotChangeTheKey() {
        XCTAssertEqual(
            ArticleFingerprint.normalisedHash(of: "投资 12 亿元。\nABC"), ArticleFingerprint.normalisedHash(of: "投资12亿元abc")
        )
        XCTAssertNotEqual(ArticleFingerprint.normalisedHash(of: "投资12亿元"), ArticleFingerprint.normalisedHash(of: "投资13亿元"))
    }
}

extension String {
    fileprivate var lowercasedASCII: String {
        String(String.UnicodeScalarView(unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar(UInt8(truncatingIfNeeded: $0.value + 32)) : $0 }))
    }
}
