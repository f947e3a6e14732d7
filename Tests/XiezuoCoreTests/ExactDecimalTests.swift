import XCTest

@testable import XiezuoCore

final class ExactDecimalTests: XCTestCase {
    func testParsesAndPrintsPlainDecimals() {
        XCTAssertEqual(ExactDecimal("483.02")?.description, "483.02")
        XCTAssertEqual(ExactDecimal("16.40")?.description, "16.4")
        XCTAssertEqual(ExactDecimal("0.05")?.description, "0.05")
        XCTAssertEqual(ExactDecimal("-3.5")?.description, "-3.5")
        XCTAssertNil(ExactDecimal("1.2.3"))
        XCTAssertNil(ExactDecimal(""))
        XCTAssertNil(ExactDecimal("1e5"))
    }

    func testMultipliesByPowersOfTenExactly() {
        XCTAssertEqual(ExactDecimal("16.4")?.timesPowerOfTen(8)?.description, "1640000000")
        XCTAssertEqual(ExactDecimal("483.02")?.timesPowerOfTen(8)?.description, "48302000000")
        XCTAssertEqual(ExactDecimal("47.2")?.timesPowerOfTen(4), ExactDecimal(472000))
        XCTAssertNil(ExactDecimal(9_000_000_000_000_000_000).timesPowerOfTen(1))
    }

    func testComparesAcrossScales() {
        XCTAssertLessThan(ExactDecimal("0.5")!, ExactDecimal(1))
        XCTAssertEqual(ExactDecimal("2.50"), ExactDecimal("2.5"))
        XCTAssertEqual(ExactDecimal("1.25")?.significand(atScale: 2), 125)
        XCTAssertNil(ExactDecimal("1.255")?.significand(atScale: 2))
    }

    func testSumsInHundredths() {
        XCTAssertEqual(ExactDecimal(hundredths: 12345).description, "123.45")
        XCTAssertEqual(ExactDecimal(hundredths: 100).description, "1")
    }
}
