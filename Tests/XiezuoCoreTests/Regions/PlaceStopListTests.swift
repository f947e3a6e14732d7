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
        // The stop words are looked up by their first scalar in a bitmap too.
        XCTAssertFalse(PlaceStopLists.suffixStopWords.isEmpty)
        for word in PlaceStopLists.suffixStopWords {
            let first = PlaceStopLists.values(word).first
            XCTAssertNotNil(first, "an empty stop word")
            XCTAssertLessThan(first ?? 0x10000, 0x10000, "suffixStopWords: \(word)")
        }
    }
}
