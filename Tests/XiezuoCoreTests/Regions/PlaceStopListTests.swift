import XCTest

@testable import XiezuoCore

/// The suffix-place matcher keeps its scalar classes in `ScalarBitmap`s, which hold the Basic
/// Multilingual Plane only: a scalar beyond it would silently never match.
final class PlaceStopListTests: XCTestCase {
    func testTheSuffixMatchersScalarClassesAreInTheBasicMultilingualPlane() {
        let classes = [
            ("functionWords", PlaceStopLists.functionWords), ("determiners", PlaceStopLists.determiners),
            ("forbiddenStemScalars", PlaceStopLists.forbiddenStemScalars),
        ]
        for (name, scalars) in classes {
            XCTAssertFalse(scalars.isEmpty, name)
            for value in PlaceStopLists.values(scalars) {
                XCTAssertLessThan(value, 0x10000, "\(name): U+\(String(value, radix: 16, uppercase: true))")
            }
        }
    }
}
