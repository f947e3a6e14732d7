import XCTest

@testable import XiezuoCore

/// `ReadingChooser` indexes only what the ambiguous names' readings ask and counts each related
/// name once by a stamp; these tests pin its choices to the rule it implements (one point per
/// other name with a reading above or below the candidate, the first best candidate winning),
/// computed plainly, over many generated sets of the gazetteer's own names.
final class ReadingChooserTests: XCTestCase {
    func testChoosesAsThePlainRuleOverGeneratedArticles() throws {
        let gazetteer = try TestResources.gazetteer()
        let forms = (0..<gazetteer.formPlaces.count).map(Int32.init)
        let ambiguous = forms.filter { gazetteer.places(ofForm: $0).count > 1 }
        XCTAssertGreaterThan(ambiguous.count, 100, "the gazetteer has namesakes")
        var random = SplitMix64(seed: 0x5EED_C400_5E12)
        for _ in 0..<300 {
            var readings: [Int32: [Int32]] = [:]
            // A few namesakes among ordinary names, and some names that sit near them.
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let form = ambiguous.randomElement(using: &random) ?? 0
                readings[form] = gazetteer.places(ofForm: form)
            }
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                let form = forms.randomElement(using: &random) ?? 0
                readings[form] = gazetteer.places(ofForm: form)
            }
            XCTAssertEqual(ReadingChooser.choose(readings, gazetteer: gazetteer), Self.plainChoice(readings, gazetteer))
        }
    }

    func testAnotherNameOfTheArticleSettlesANamesake() throws {
        let gazetteer = try TestResources.gazetteer()
        let chaoyang = try XCTUnwrap(gazetteer.surfaceForm(of: Array("朝阳".unicodeScalars)[...]))
        let readings = gazetteer.places(ofForm: chaoyang)
        XCTAssertGreaterThan(readings.count, 1)
        for reading in readings {
            // Naming the province of one reading picks that reading.
            guard let province = gazetteer.ancestors(ofPlace: reading).first(where: { gazetteer.level(ofPlace: $0) == .province }),
                let provinceForm = gazetteer.surfaceForm(of: Array(gazetteer.name(ofPlace: province).unicodeScalars)[...]),
                gazetteer.places(ofForm: provinceForm) == [province],
                readings.filter({ gazetteer.ancestors(ofPlace: $0).contains(province) }).count == 1
            else { continue }
            let chosen = ReadingChooser.choose([chaoyang: readings, provinceForm: [province]], gazetteer: gazetteer)
            XCTAssertEqual(chosen[chaoyang], reading, gazetteer.name(ofPlace: province))
        }
    }

    /// The rule, name by name and candidate by candidate, with sets.
    private static func plainChoice(_ readings: [Int32: [Int32]], _ gazetteer: Gazetteer) -> [Int32: Int32] {
        var chosen: [Int32: Int32] = [:]
        for (name, candidates) in readings {
            guard let first = candidates.first else { continue }
            var best = first
            var bestScore = -1
            for candidate in candidates where candidates.count > 1 {
                let enclosing = Set(gazetteer.ancestors(ofPlace: candidate))
                var related = Set<Int32>()
                for (other, otherReadings) in readings where other != name {
                    let isRelated = otherReadings.contains { reading in
                        enclosing.contains(reading) || gazetteer.ancestors(ofPlace: reading).contains(candidate)
                    }
                    if isRelated { related.insert(other) }
                }
                if related.count > bestScore {
                    best = candidate
                    bestScore = related.count
                }
            }
            chosen[name] = best
        }
        return chosen
    }
}
