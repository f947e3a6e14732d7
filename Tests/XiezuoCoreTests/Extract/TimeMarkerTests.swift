import XCTest

@testable import XiezuoCore

/// `YearResolver` looks for time words only in the lines whose figures it dates (and the lead's):
/// a line scanned alone must give exactly the markers the whole text's scan gives in it.
final class TimeMarkerTests: XCTestCase {
    func testALineScannedAloneHasTheMarkersOfTheWholeScan() {
        let pieces = [
            "2024年", "今年以来", "截至目前", "6月23日", "2023年8月上旬", "近年来", "累计", "全年", "去年", "2018年、2019年",
            "10月底", "3个月", "一是", "二〇二三年", "20多年来", "以来", "帮扶资金", "300万元", "，", "。", "\n", "\n",
            "年", "1", "月", "日前", "上个月", "本月", "2022—2026年", "自2021年6月", "开展协作以来", "目前，",
        ]
        var random = SplitMix64(seed: 0x5EED_7135_0A12)
        for _ in 0..<500 {
            let text = Array((0..<Int.random(in: 1...40, using: &random)).map { _ in
                pieces.randomElement(using: &random) ?? ""
            }.joined().unicodeScalars)
            let years = YearMention.all(in: text)
            let whole = TimeMarker.all(in: text, years: years, within: [0..<text.count])
            let lines = TextParagraphs.ranges(of: text)
            let chosen = lines.filter { _ in Bool.random(using: &random) }
            let alone = TimeMarker.all(in: text, years: years, within: chosen)
            let expected = whole.filter { marker in chosen.contains { $0.contains(marker.range.lowerBound) } }
            XCTAssertEqual(alone, expected, String(String.UnicodeScalarView(text)))
        }
    }
}
