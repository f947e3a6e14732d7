import XCTest

@testable import XiezuoCore

/// The exact key's table of ignored scalars (white space, punctuation, symbols) skips the
/// property look-ups of whole letter blocks at start-up; it must still answer as the Unicode
/// properties do for every scalar of the Basic Multilingual Plane.
final class FingerprintIgnoredScalarsTests: XCTestCase {
    func testTableAgreesWithTheUnicodePropertiesForEveryBMPScalar() {
        var ignored = 0
        for value in 0..<UInt32(0x10000) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            let expected: Bool
            switch properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
                expected = true
            default:
                expected = properties.isWhitespace
            }
            if expected { ignored += 1 }
            XCTAssertEqual(ArticleFingerprint.isIgnored(scalar), expected, "U+\(String(value, radix: 16, uppercase: true))")
        }
        XCTAssertGreaterThan(ignored, 4_000)
    }
}
