import XCTest

@testable import XiezuoCore

/// Random text must never crash the scanner, and whatever it returns must be well formed.
final class FigureScannerPropertyTests: XCTestCase {
    /// Pieces of the grammar and of what surrounds it, so random strings often come close to figures.
    private static let alphabet: [[Unicode.Scalar]] = [
        "0", "1", "2", "3", "5", "7", "9", "0", "1", "00", "１", "９", ".", "．", ",", "，", "%",
        "零", "〇", "一", "二", "两", "三", "五", "九", "十", "百", "千", "万", "亿", "萬", "億", "兩", "壹", "贰", "陆", "拾", "佰", "仟",
        "元", "万元", "亿元", "人民币", "人", "名", "人次", "个", "项", "家", "户", "场", "对", "类", "期", "所", "位", "批", "次",
        "超", "超过", "逾", "近", "将近", "约", "大约", "不到", "不足", "达", "共", "余", "多", "以上", "左右", "以下",
        "—", "——", "-", "~", "～", "至", "到", "第", "数", "几", "上", "分之", "月", "年", "日", ":", "/", "+",
        "的", "投资", "项目", "签约", "企业", "。", "、", " ", "\n", "A", "G", "x", "套", "亩", "美元",
    ].map { Array($0.unicodeScalars) }

    func testRandomTextYieldsWellFormedFigures() {
        var random = SplitMix64(seed: 0x5EED_F16E_2026)
        let scanner = FigureScanner()
        var text: [Unicode.Scalar] = []
        text.reserveCapacity(64)
        var figureCount = 0
        for iteration in 0..<1_000_000 {
            text.removeAll(keepingCapacity: true)
            for _ in 0..<random.below(12) {
                text.append(contentsOf: Self.alphabet[random.below(Self.alphabet.count)])
            }
            let figures = scanner.figures(in: text)
            figureCount += figures.count
            var previousEnd = 0
            for figure in figures {
                let ok =
                    figure.range.lowerBound >= previousEnd && figure.range.upperBound <= text.count
                    && !figure.range.isEmpty && !figure.numberRange.isEmpty
                    && figure.numberRange.lowerBound >= figure.range.lowerBound
                    && figure.numberRange.upperBound <= figure.range.upperBound
                    && Self.boundsAgree(figure)
                if !ok {
                    var string = ""
                    string.unicodeScalars.append(contentsOf: text)
                    XCTFail("iteration \(iteration): bad figure \(figure) in \(string)")
                    return
                }
                previousEnd = figure.range.upperBound
            }
        }
        // The alphabet is meant to hit the grammar; a scanner that found nothing would pass vacuously.
        XCTAssertGreaterThan(figureCount, 10_000)
    }

    func testLongAndPathologicalInputsFinish() {
        let scanner = FigureScanner()
        let digits = [Unicode.Scalar](repeating: "9", count: 200_000)
        XCTAssertEqual(scanner.figures(in: digits + ["元"]), [])
        let chinese = [Unicode.Scalar](repeating: "万", count: 200_000)
        XCTAssertEqual(scanner.figures(in: chinese + ["元"]), [])
        let grouped = Array(("1" + String(repeating: ",000", count: 50_000) + "元").unicodeScalars)
        XCTAssertEqual(scanner.figures(in: grouped), [])
        let dashes = Array(String(repeating: "1-", count: 100_000).unicodeScalars)
        XCTAssertEqual(scanner.figures(in: dashes), [])
        let joined = Array(String(repeating: "1元-", count: 100_000).unicodeScalars)
        XCTAssertEqual(scanner.figures(in: joined).count, 50_000)
        let many = Array(String(repeating: "超100亿元，", count: 50_000).unicodeScalars)
        XCTAssertEqual(scanner.figures(in: many).count, 50_000)
    }

    private static func boundsAgree(_ figure: Figure) -> Bool {
        switch figure.qualifier {
        case .exact: return figure.low == figure.value && figure.high == figure.value
        case .over: return figure.low == figure.value && figure.high == nil
        case .under: return figure.low == nil && figure.high == figure.value
        case .approx: return figure.low == nil && figure.high == nil
        case .range:
            guard let low = figure.low, let high = figure.high else { return false }
            return low == figure.value && low <= high
        }
    }
}

/// A number in `0 ..< bound`, as these tests have always drawn it (deterministic, so a failure
/// is reproducible from the printed seed and index).
extension SplitMix64 {
    fileprivate mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
