import XCTest

@testable import XiezuoCore

/// Regression: a spoken decimal (三十二点五万元) is not read by the grammar, and its decimal
/// part must not be read alone as a figure ten or more times wrong (found by the JioNLP
/// differential test).
final class FigureScannerSpokenDecimalTests: XCTestCase {
    private func spans(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return FigureScanner().figures(in: scalars).map { String(String.UnicodeScalarView(scalars[$0.range])) }
    }

    func testTheDecimalPartOfASpokenDecimalIsNotAFigure() {
        XCTAssertEqual(spans("投资三十二点五万元"), [])
        XCTAssertEqual(spans("零点五亿元"), [])
        XCTAssertEqual(spans("兩點五億元"), [])
    }

    func testAFigureAfterTheWord点ElsewhereIsStillRead() {
        XCTAssertEqual(spans("重点项目投资500万元"), ["500万元"])
        XCTAssertEqual(spans("亮点:投资五万元"), ["五万元"])
    }
}
