import Foundation
import XCTest

@testable import XiezuoCore

/// Normalisation, shingles, Jaccard, signatures, parameters, index and clusters, each on
/// small exact cases.
final class DedupeNearDuplicateUnitTests: XCTestCase {
    // MARK: normalisation

    func testNormalisationDropsLayoutFoldsWidthAndLowercasesASCII() {
        let scalars = ShingleText.scalars(of: "　“Ａｂ１２ 中文”，\tEF-3。\u{200B}〇々\n")
        XCTAssertEqual(String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init))), "ab12中文ef3〇々")
    }

    func testCopiesDifferingOnlyInLayoutHaveTheSameShingles() {
        let original = "东西部协作培育“产业沃土”，托起三都就业“大民生”。投入资金1600万元。"
        let relaid = "东西部协作培育\"产业沃土\", 托起三都就业\"大民生\".\n  投入资金１６００万元"
        XCTAssertEqual(ShingleSet(text: original, shingleSize: 5), ShingleSet(text: relaid, shingleSize: 5))
    }

    /// The fast paths of `ShingleText.normalised` against the property rule, over every scalar.
    func testFastPathsAgreeWithUnicodePropertiesForEveryScalar() {
        var disagreements: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var folded = value
            if (0xFF01...0xFF5E).contains(value) { folded -= 0xFEE0 }
            if (0x41...0x5A).contains(folded) { folded += 0x20 }
            let expected: UInt32 = ShingleText.isKeptByProperties(Unicode.Scalar(folded) ?? scalar) ? folded : 0
            if ShingleText.normalised(value) != expected, disagreements.count < 10 {
                disagreements.append(String(value, radix: 16))
            }
        }
        XCTAssertEqual(disagreements, [])
    }

    // MARK: shingles and Jaccard

    func testShinglesAreDistinctWindowsAndShortTextsGiveOne() {
        XCTAssertEqual(ShingleSet(text: "甲乙丙丁戊己", shingleSize: 3).count, 4)
        XCTAssertEqual(ShingleSet(text: "哈哈哈哈哈哈哈", shingleSize: 3).count, 1)
        XCTAssertEqual(ShingleSet(text: "乡村", shingleSize: 5).count, 1)
        XCTAssertEqual(ShingleSet(text: "，。 \n", shingleSize: 5).count, 0)
        XCTAssertTrue(ShingleSet(text: "", shingleSize: 5).isEmpty)
        let hashes = ShingleSet(text: String(repeating: "东西部协作乡村振兴百千万工程产业协作消费帮扶", count: 20), shingleSize: 5).hashes
        XCTAssertEqual(hashes, hashes.sorted())
        XCTAssertEqual(Set(hashes).count, hashes.count)
    }

    func testShingleHashesAreStable() {
        // Pinned: a change of normalisation or hashing changes every signature.
        XCTAssertEqual(ShingleSet(text: "东西部协作", shingleSize: 5).hashes, [841_066_399])
        XCTAssertEqual(ShingleSet(text: "乡村振兴", shingleSize: 2).hashes, [1_190_844_205, 2_453_177_384, 3_038_553_115])
    }

    func testJaccardOfKnownSets() {
        let a = ShingleSet(hashes: [1, 2, 3, 4])
        let b = ShingleSet(hashes: [6, 5, 4, 3, 3])
        XCTAssertEqual(b.hashes, [3, 4, 5, 6])
        XCTAssertEqual(a.jaccard(b), 2.0 / 6.0)
        XCTAssertEqual(b.jaccard(a), 2.0 / 6.0)
        XCTAssertEqual(a.jaccard(a), 1)
        XCTAssertEqual(a.jaccard(ShingleSet(hashes: [7, 8])), 0)
        XCTAssertEqual(a.jaccard(ShingleSet(hashes: [])), 0)
        XCTAssertEqual(ShingleSet(hashes: []).jaccard(ShingleSet(hashes: [])), 0)
        // 1,000 against 500 of them: large enough for the radix sort.
        let many = ShingleSet(hashes: (0..<1000).map { UInt32($0) &* 2_654_435_761 })
        let half = ShingleSet(hashes: (0..<500).map { UInt32($0) &* 2_654_435_761 })
        XCTAssertEqual(many.count, 1000)
        XCTAssertEqual(many.jaccard(half), 0.5)
    }

    func testJaccardOfTextsCountsSharedWindows() {
        // 甲乙 乙丙 丙丁 丁戊 戊己 against 甲乙 乙丙 丙丁 丁戊 戊庚: 4 shared of 6.
        XCTAssertEqual(
            ShingleSet(text: "甲乙丙丁戊己", shingleSize: 2).jaccard(ShingleSet(text: "甲乙，丙丁戊庚", shingleSize: 2)), 4.0 / 6.0)
    }

    // MARK: signatures

    func testSignatureBandKeysAreStable() {
        let text = "2月10日,广州“双向赋能”产业对接路演活动在广州启幕,20余家来自新能源汽车、生物医药、人工智能等领域的广州优质企业登台。"
        let signature = MinHashSignature(ShingleSet(text: text, shingleSize: 5), parameters: NearDuplicateParameters())
        XCTAssertEqual(signature.bandKeys.count, 48)
        // Pinned: these keys are what a history index stores.
        XCTAssertEqual(
            Array(signature.bandKeys.prefix(4)),
            [
                12_564_904_999_697_583_270, 17_477_043_623_328_246_000, 6_416_278_704_370_084_877,
                4_629_884_082_692_557_967,
            ])
        let small = NearDuplicateParameters(shingleSize: 3, permutations: 12, bands: 4, threshold: 0.5)
        XCTAssertEqual(
            MinHashSignature(ShingleSet(text: text, shingleSize: 3), parameters: small).bandKeys,
            [
                10_551_174_541_891_322_907, 8_949_355_486_464_177_129, 6_128_258_011_662_532_136,
                16_334_886_872_249_439_109,
            ])
    }

    func testSignatureDependsOnlyOnTheShingleSet() {
        let parameters = NearDuplicateParameters()
        let a = MinHashSignature(ShingleSet(text: "消费帮扶拓宽惠水县蔬菜销路。", shingleSize: 5), parameters: parameters)
        let b = MinHashSignature(ShingleSet(text: "消费帮扶, 拓宽惠水县蔬菜销路", shingleSize: 5), parameters: parameters)
        let c = MinHashSignature(ShingleSet(text: "消费帮扶拓宽龙里县蔬菜销路。", shingleSize: 5), parameters: parameters)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a.bandKeys, c.bandKeys)
    }

    func testEverySlotFillsForSmallSets() {
        for count in [1, 2, 7, 50, 127, 128, 300] {
            let set = ShingleSet(hashes: (0..<count).map { UInt32($0) &* 2_654_435_761 &+ 17 })
            let slots = MinHashSignature.slots(set, count: 128)
            XCTAssertFalse(slots.contains(.max), "\(count) shingles")
        }
        XCTAssertEqual(MinHashSignature.slots(ShingleSet(hashes: []), count: 8), Array(repeating: .max, count: 8))
    }

    /// Each slot agrees with probability J, and slots are independent enough that the share of
    /// pairs sharing a band follows 1 − (1 − s^r)^b.
    func testCandidateRateFollowsTheSCurve() {
        let parameters = NearDuplicateParameters()
        var random = NearDuplicateRandom(seed: 0x5C0_12E)
        let size = 600
        var report: [String] = []
        for similarity in [0.2, 0.3, 0.4, 0.5, 0.6] {
            // |A ∩ B| = x, |A| = |B| = size: J = x / (2·size − x).
            let shared = Int((2 * Double(size) * similarity / (1 + similarity)).rounded())
            let exact = Double(shared) / Double(2 * size - shared)
            let trials = 300
            var candidates = 0
            var slotMatches = 0
            for _ in 0..<trials {
                let common = (0..<shared).map { _ in UInt32(truncatingIfNeeded: random.next()) }
                let onlyA = (shared..<size).map { _ in UInt32(truncatingIfNeeded: random.next()) }
                let onlyB = (shared..<size).map { _ in UInt32(truncatingIfNeeded: random.next()) }
                let a = ShingleSet(hashes: common + onlyA)
                let b = ShingleSet(hashes: common + onlyB)
                let slotsA = MinHashSignature.slots(a, count: parameters.permutations)
                let slotsB = MinHashSignature.slots(b, count: parameters.permutations)
                slotMatches += zip(slotsA, slotsB).filter { $0 == $1 }.count
                let keysA = MinHashSignature(a, parameters: parameters).bandKeys
                let keysB = MinHashSignature(b, parameters: parameters).bandKeys
                if zip(keysA, keysB).contains(where: { $0 == $1 }) { candidates += 1 }
            }
            let rate = Double(candidates) / Double(trials)
            let expected = parameters.candidateProbability(similarity: exact)
            let agreement = Double(slotMatches) / Double(trials * parameters.permutations)
            report.append(
                String(
                    format: "J %.3f: slots agree %.3f, candidates %.3f (S-curve %.3f)", exact, agreement, rate, expected
                ))
            XCTAssertEqual(agreement, exact, accuracy: 0.01)
            // Binomial standard deviation at 300 trials is at most 0.029.
            XCTAssertEqual(rate, expected, accuracy: 0.09, "J \(exact)")
        }
        print(report.joined(separator: "\n"))
    }

    // MARK: parameters

    func testDefaultParametersAreValidAndTheirCurveLiesBelowTheThreshold() {
        let parameters = NearDuplicateParameters()
        XCTAssertEqual(parameters.problems(at: "dedupe.near_duplicates"), [])
        XCTAssertEqual(parameters.rows, 4)
        XCTAssertEqual(parameters.curveThreshold, 0.380, accuracy: 0.001)
        XCTAssertLessThan(parameters.curveThreshold, parameters.threshold)
        // A pair at the threshold is a candidate 95 % of the time, at 0.6 99.8 %; unrelated
        // articles of the same programmes (J ≈ 0.01, at most ~0.05) almost never.
        XCTAssertEqual(parameters.candidateProbability(similarity: 0.5), 0.955, accuracy: 0.001)
        XCTAssertEqual(parameters.candidateProbability(similarity: 0.6), 0.998, accuracy: 0.001)
        XCTAssertLessThan(parameters.candidateProbability(similarity: 0.05), 0.0004)
    }

    func testParameterProblemsNameTheirKeyPaths() {
        let bad = NearDuplicateParameters(shingleSize: 0, permutations: 128, bands: 30, threshold: 1.5)
        XCTAssertEqual(
            bad.problems(at: "dedupe.near_duplicates").map(\.description),
            [
                "dedupe.near_duplicates.shingle_size: must be between 1 and 64 characters, e.g. 5",
                "dedupe.near_duplicates.bands: must divide permutations (128) evenly; 30 does not, e.g. 32",
                "dedupe.near_duplicates.threshold: must be a Jaccard similarity above 0 and at most 1, e.g. 0.5",
            ])
        XCTAssertEqual(
            NearDuplicateParameters(shingleSize: 5, permutations: 0, bands: 0, threshold: .nan).problems(at: "").map(
                \.description),
            [
                "permutations: must be between 1 and 1024, e.g. 128", "bands: must be at least 1, e.g. 32",
                "threshold: must be a Jaccard similarity above 0 and at most 1, e.g. 0.5",
            ])
        XCTAssertEqual(
            NearDuplicateParameters(permutations: 120, bands: 200).problems(at: "d").map(\.description),
            ["d.bands: must divide permutations (120) evenly; 200 does not, e.g. 120"])
    }

    func testValidityAgreesWithProblems() {
        for size in [0, 1, 5, 64, 65] {
            for permutations in [0, 1, 12, 128, 1024, 1025] {
                for bands in [-1, 0, 1, 5, 12, 32, 2000] {
                    for threshold in [0, 0.5, 1, 1.01, .infinity] {
                        let parameters = NearDuplicateParameters(
                            shingleSize: size, permutations: permutations, bands: bands, threshold: threshold)
                        XCTAssertEqual(parameters.isValid, parameters.problems(at: "x").isEmpty, "\(parameters)")
                    }
                }
            }
        }
    }

    func testParametersDecodeWithDefaultsAndRejectUnknownKeys() throws {
        let decoder = JSONDecoder()
        XCTAssertEqual(
            try decoder.decode(NearDuplicateParameters.self, from: Data("{}".utf8)), NearDuplicateParameters())
        XCTAssertEqual(
            try decoder.decode(
                NearDuplicateParameters.self,
                from: Data(#"{"shingle_size": 4, "permutations": 120, "bands": 40, "threshold": 0.6}"#.utf8)),
            NearDuplicateParameters(shingleSize: 4, permutations: 120, bands: 40, threshold: 0.6))
        XCTAssertThrowsError(
            try decoder.decode(NearDuplicateParameters.self, from: Data(#"{"shingles": 4}"#.utf8))
        ) { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["shingles"])
            XCTAssertEqual(
                context.debugDescription, "unknown key; expected one of: shingle_size, permutations, bands, threshold")
        }
    }

    // MARK: index

    func testIndexReturnsEarlierNearDuplicatesAscending() {
        let parameters = NearDuplicateParameters()
        var index = NearDuplicateIndex(parameters: parameters)
        let story = "近年来,荔湾区联合龙里县、惠水县进一步完善协作机制、加大帮扶力度、拓宽帮扶领域、创新帮扶方式,扎实推进产业协作、劳务协作、消费协作等工作。"
        let other = "此次培训为期5天,授课老师来自各个高校的专家教授,围绕乡村振兴与产业振兴等展开教学、研讨,共70名学员参加培训。"
        func insert(_ id: Int, _ text: String) -> [Int] {
            let shingles = ShingleSet(text: text, shingleSize: parameters.shingleSize)
            return index.insert(
                id: id, shingles: shingles, signature: MinHashSignature(shingles, parameters: parameters))
        }
        XCTAssertEqual(insert(40, story), [])
        XCTAssertEqual(insert(7, other), [])
        XCTAssertEqual(insert(12, "【转载】" + story), [40])
        XCTAssertEqual(insert(3, story + "(完)"), [12, 40])
        XCTAssertEqual(insert(99, ""), [])
        XCTAssertEqual(insert(100, ""), [])
        XCTAssertEqual(index.count, 6)
        XCTAssertEqual(index.confirmedPairs, 3)
        XCTAssertEqual(index.candidatePairs, 3)
    }

    func testIndexConfirmsAtTheThresholdAndNotBelow() {
        // J 3/5 = 0.6 and 3/8 against threshold 0.6, with 64 bands of one row so that these
        // tiny sets are candidates all but surely (a miss at J 0.375 has probability 0.625⁶⁴).
        let parameters = NearDuplicateParameters(shingleSize: 1, permutations: 64, bands: 64, threshold: 0.6)
        var index = NearDuplicateIndex(parameters: parameters)
        let first = ShingleSet(hashes: [1, 2, 3, 4])
        let second = ShingleSet(hashes: [1, 2, 3, 5])
        let third = ShingleSet(hashes: [1, 2, 3, 6, 7, 8, 9])
        _ = index.insert(id: 1, shingles: first, signature: MinHashSignature(first, parameters: parameters))
        let a = index.insert(id: 2, shingles: second, signature: MinHashSignature(second, parameters: parameters))
        let b = index.insert(id: 3, shingles: third, signature: MinHashSignature(third, parameters: parameters))
        XCTAssertEqual(first.jaccard(second), 0.6)
        XCTAssertEqual(a, [1])
        XCTAssertEqual(b, [])
        XCTAssertEqual(index.candidatePairs, 3)
        XCTAssertEqual(index.confirmedPairs, 1)
    }

    // MARK: clusters

    func testClustersDoNotDependOnPairOrder() {
        let pairs = [(9, 4), (4, 7), (20, 21), (7, 2), (30, 31), (31, 20)]
        let forward = DuplicateClusters(pairs: pairs)
        let backward = DuplicateClusters(pairs: pairs.reversed().map { ($0.1, $0.0) })
        XCTAssertEqual(forward.clusters(), [[2, 4, 7, 9], [20, 21, 30, 31]])
        XCTAssertEqual(backward.clusters(), forward.clusters())
        XCTAssertEqual(forward.representative(of: 9), 2)
        XCTAssertEqual(backward.representative(of: 31), 20)
        XCTAssertEqual(forward.representative(of: 5), 5)
        XCTAssertTrue(forward.sameCluster(9, 2))
        XCTAssertFalse(forward.sameCluster(9, 20))
        XCTAssertEqual(forward.count, 8)
    }
}
