import XCTest

@testable import XiezuoCore

/// A figure signature's entries are stored between nights, so the faster ways they are made
/// now (value keys hashed piece by piece, sentence ends by a switch, the text decoded once with
/// the shingles) must give the entries of their definition, written here as it first was:
/// walk back from each figure over the text's scalars, a set of sentence ends, a value key
/// hashed from its string.
final class FigureSignatureDefinitionTests: XCTestCase {
    private static let sentenceEnds: Set<UInt32> = [0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F, 0x3B, 0x0A, 0x0D]

    private func reference(_ facts: [Fact], _ text: String) -> [UInt64] {
        let scalars = Array(text.unicodeScalars)
        var packed: [UInt64] = []
        for fact in facts.sorted(by: { $0.offset < $1.offset }).prefix(FigureSignature.maxEntries) {
            var context: [UInt32] = []
            var index = min(fact.offset, scalars.count) - 1
            while index >= 0, context.count < 8 {
                if Self.sentenceEnds.contains(scalars[index].value) { break }
                let value = ShingleText.normalised(scalars[index].value)
                if value != 0, !(0x30...0x39).contains(value) { context.append(value) }
                index -= 1
            }
            let slot = FigureSignature.slotHash(category: fact.category, context: context)
            let text = "\(fact.table.rawValue):\(fact.value.significand)e-\(fact.value.scale)"
            let hash = StableHash.value(of: text.utf8)
            let value = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
            packed.append(FigureSignature.pack(slot: slot, value: value, year: FigureSignature.statedYear(fact)))
        }
        return Array(Set(packed)).sorted()
    }

    private func fact(_ category: FactCategory, _ value: String, at offset: Int, year: Int? = nil, evidence: String = "") -> Fact {
        Fact(
            docID: "doc", year: year, region: nil, category: category, value: ExactDecimal(value) ?? ExactDecimal(0),
            qualifier: .exact, low: nil, high: nil, text: value, evidence: evidence, offset: offset)
    }

    func testTheEntriesAreThoseOfTheBackwardWalk() {
        let texts = [
            "", "从江县今年以来深化东西部协作，投入财政帮扶资金3000万元，实施帮扶项目12个。两地企业合作建设帮扶车间，吸纳农村劳动力500人就业。",
            "第1234号协作县从江县今年投入财政帮扶资金2234万元，带动就业300人。\n2023年，投入1.5亿元！新增岗位１２０个？",
            "ASCII only: invest 300 million; jobs 12!", "𠀀𠮷😀 emoji 投入 ５００ 万元\r\n下一句",
            String(repeating: "东西部协作，对口帮扶，投入资金3000万元。", count: 60),
        ]
        let categories: [FactCategory] = [.investment, .employment, .projects, .fund]
        var state: UInt64 = 18
        for text in texts {
            let count = text.unicodeScalars.count
            for round in 0..<12 {
                var facts: [Fact] = []
                for index in 0..<(round * 3 + 1) {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let offset = Int(state >> 33) % (count + 12) - 3  // before the start, inside, past the end
                    facts.append(
                        fact(
                            categories[index % categories.count], "\(Int(state >> 40) % 5000)", at: offset, year: index % 2 == 0 ? 2023 : nil,
                            evidence: "2023年"))
                }
                if round == 11 { facts += facts }  // repeated figures at one offset
                let expected = reference(facts, text)
                XCTAssertEqual(FigureSignature(facts: facts, text: text).entries, expected, "\(text.prefix(12)) round \(round)")
                let fingerprint = ArticleFingerprint(article: Article(source: "a.txt", part: 0, text: text), facts: facts, parameters: NearDuplicateParameters())
                XCTAssertEqual(fingerprint.figures, expected, "\(text.prefix(12)) round \(round)")
            }
        }
        // More facts than a signature takes: the first by offset.
        let many = (0..<300).map { fact(.investment, "\($0)", at: $0 * 3) }
        let text = String(repeating: "投入资金万元。", count: 200)
        XCTAssertEqual(FigureSignature(facts: many.reversed(), text: text).entries, reference(many, text))
    }

    /// The stated year is found in the fact's sentence as `String.contains` (Foundation's
    /// search) finds it, also where marks, joiners or other scripts stand next to the digits.
    func testAWrittenYearIsFoundWhereTheStringSearchFindsIt() {
        let fixed = [
            "2023\u{301}年", "a2023", "\u{600}2023", "2023\u{200D}", "2023\u{FE0F}", "２０２３", "12023", "2023\u{20E3}",
            "\u{301}2023", "2\u{301}023", "2023", "202", "", "年2023年", "，2023。", "2023\u{302A}", "2023\u{FF9E}",
        ]
        for sentence in fixed {
            XCTAssertEqual(FigureSignature.writes(2023, in: sentence), sentence.contains(String(2023)), sentence)
        }
        let pool: [String] = [
            "2", "0", "2", "3", "1", "9", "2023", "2023", "年", "，", "。", "a", " ", "é", "e\u{301}", "\u{301}", "\u{FE0F}",
            "\u{20E3}", "\u{200D}", "\u{302A}", "\u{3099}", "\u{600}", "２", "😀", "한", "\u{FF9E}", "\u{1F1E8}", "\r\n",
        ]
        var generator = SplitMix64(seed: 2023)
        for length in 1...12 {
            for _ in 0..<300 {
                let sentence = (0..<length).map { _ in pool[Int.random(in: 0..<pool.count, using: &generator)] }.joined()
                let year = [2023, 1901, 2155, 2019][Int.random(in: 0..<4, using: &generator)]
                XCTAssertEqual(
                    FigureSignature.writes(year, in: sentence), sentence.contains(String(year)),
                    "\(year) in \(sentence.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }
}
