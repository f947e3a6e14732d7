import XCTest

@testable import XiezuoCore

/// `ShingleSet.jaccard(_:reaches:)` stops its merge early; its answer must be exactly
/// `jaccard(_:) >= threshold` for every pair and threshold, including the boundary counts.
final class ShingleSetThresholdTests: XCTestCase {
    func testAgreesWithTheFullJaccardEverywhere() {
        var random = NearDuplicateRandom(seed: 11)
        let thresholds = [0, 0.1, 0.25, 1.0 / 3, 0.5, 0.6, 2.0 / 3, 0.8, 0.9, 0.999, 1, 1.5]
        for _ in 0..<3_000 {
            // Small universes make large overlaps, and exact boundary cases, common.
            let universe = 1 + random.below(400)
            let left = ShingleSet(hashes: (0..<random.below(300)).map { _ in UInt32(random.below(universe)) })
            let right = ShingleSet(hashes: (0..<random.below(300)).map { _ in UInt32(random.below(universe)) })
            let shared = left.intersectionCount(right)
            let union = left.count + right.count - shared
            var cases = thresholds
            // Thresholds exactly at this pair's Jaccard and one count either side of it.
            for delta in -1...1 where union > 0 && shared + delta >= 0 && shared + delta <= union {
                cases.append(Double(shared + delta) / Double(union))
            }
            for threshold in cases {
                XCTAssertEqual(
                    left.jaccard(right, reaches: threshold), left.jaccard(right) >= threshold,
                    "\(left.count) and \(right.count) hashes, \(shared) shared, threshold \(threshold)"
                )
            }
        }
        let empty = ShingleSet(sortedUnique: [])
        XCTAssertEqual(empty.jaccard(empty, reaches: 0), empty.jaccard(empty) >= 0)
        XCTAssertEqual(empty.jaccard(empty, reaches: 0.5), false)
    }
}

/// `ShingleSet.containment(_:reaches:)` stops its merge early as well; its answer must be
/// exactly "shared / smaller ≥ threshold".
final class ShingleSetContainmentTests: XCTestCase {
    func testAgreesWithTheFullContainmentEverywhere() {
        var random = NearDuplicateRandom(seed: 13)
        for _ in 0..<3_000 {
            let universe = 1 + random.below(400)
            let left = ShingleSet(hashes: (0..<random.below(300)).map { _ in UInt32(random.below(universe)) })
            let right = ShingleSet(hashes: (0..<random.below(300)).map { _ in UInt32(random.below(universe)) })
            let shared = left.intersectionCount(right)
            let smaller = min(left.count, right.count)
            let exact = smaller == 0 ? 0 : Double(shared) / Double(smaller)
            var cases = [0, 0.1, 0.25, 1.0 / 3, 0.5, 0.75, 1, 1.5]
            for delta in -1...1 where smaller > 0 && shared + delta >= 0 && shared + delta <= smaller {
                cases.append(Double(shared + delta) / Double(smaller))
            }
            for threshold in cases {
                XCTAssertEqual(
                    left.containment(right, reaches: threshold), exact >= threshold,
                    "\(left.count) and \(right.count) hashes, \(shared) shared, threshold \(threshold)")
                XCTAssertEqual(left.containment(right, reaches: threshold), right.containment(left, reaches: threshold))
            }
        }
    }
}
