import XCTest

@testable import XiezuoCore

/// The fingerprint decodes an article once and normalises its scalars into storage of their
/// count; the stored shingles of every earlier night were made from `text.unicodeScalars`, one
/// appended value at a time, so both must give the same set for any text and shingle size.
final class ShingleSetFromTextTests: XCTestCase {
    private func throughScalars(_ text: String, _ size: Int) -> ShingleSet {
        let values = text.unicodeScalars.map { ShingleText.normalised($0.value) }.filter { $0 != 0 }
        XCTAssertEqual(ShingleText.scalars(of: text), values, String(text.prefix(20)))
        let set = ShingleSet(normalisedScalars: values, shingleSize: size)
        let parameters = NearDuplicateParameters(shingleSize: size)
        if parameters.isValid {
            let fingerprint = ArticleFingerprint(article: Article(source: "a.txt", part: 0, text: text), facts: [], parameters: parameters)
            XCTAssertEqual(fingerprint.shingles, set.hashes, String(text.prefix(20)))
        }
        return set
    }

    func testTheSetIsTheOneMadeThroughTheScalars() {
        let samples = [
            "", "。", "甲", "甲乙", "甲乙丙丁戊", "甲乙丙丁戊己", "  \t\n", "哈哈哈哈哈哈哈",
            "广州市黄埔区帮扶资金1.2亿元，带动就业3000人。", "ABC def, GHI!", "「粤黔协作」——2024年（第一批）",
            "全角ＡＢＣ１２３　空格", "𠀀𠮷 emoji 😀 and ℃ ¥100 € §", "Ünïcödé ǅ ß İ", "\u{00A0}\u{2003}\u{3000}\u{200B}x",
            String(repeating: "东西部协作，对口帮扶，投入资金3000万元。", count: 200),
        ]
        for size in 1...8 {
            for sample in samples {
                XCTAssertEqual(ShingleSet(text: sample, shingleSize: size), throughScalars(sample, size), "size \(size): \(sample.prefix(20))")
            }
        }
        // Sizes below one count as one, in both.
        XCTAssertEqual(ShingleSet(text: "甲乙丙", shingleSize: 0), throughScalars("甲乙丙", 0))
    }

    func testRandomTextsOfEveryScriptGiveTheSameSet() {
        // Characters drawn from ASCII, CJK, punctuation, full-width forms, format characters and
        // the supplementary planes, with a fixed seed.
        let pool = Array("abcXYZ0129 ,.!?\n\t中文协作帮扶资金亿元万人。，、“”（）ＡＢ１２\u{200B}\u{FEFF}〇々𠀀😀ß")
        var state: UInt64 = 18
        for length in [0, 1, 2, 4, 5, 6, 50, 999] {
            for _ in 0..<20 {
                var text = ""
                for _ in 0..<length {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    text.append(pool[Int(state >> 33) % pool.count])
                }
                for size in [1, 3, 5] {
                    XCTAssertEqual(ShingleSet(text: text, shingleSize: size), throughScalars(text, size), text)
                }
            }
        }
    }
}
