import Foundation
import XCTest

@testable import XiezuoCore

/// The index finds candidates through LSH buckets, not all pairs: candidate pairs grow with
/// the number of articles, not with its square. Small enough for a debug run; the benchmark
/// (`DedupeNearDuplicateBenchmarkTests`) runs the same stream at 100,000 articles in release.
final class DedupeNearDuplicateScaleTests: XCTestCase {
    static let streamSeed: UInt64 = 0x5CA1_E000_2026

    func testCandidatePairsGrowAboutLinearly() throws {
        let parameters = NearDuplicateParameters()
        var stream = NearDuplicateArticleStream(seed: Self.streamSeed)
        var index = NearDuplicateIndex(parameters: parameters)
        var checkpoints: [(articles: Int, candidates: Int, confirmed: Int)] = []
        let started = Date()
        for id in 0..<4000 {
            let shingles = ShingleSet(text: stream.next(), shingleSize: parameters.shingleSize)
            _ = index.insert(id: id, shingles: shingles, signature: MinHashSignature(shingles, parameters: parameters))
            if [1000, 2000, 4000].contains(id + 1) {
                checkpoints.append((id + 1, index.candidatePairs, index.confirmedPairs))
            }
        }
        let seconds = Date().timeIntervalSince(started)
        for checkpoint in checkpoints {
            let allPairs = checkpoint.articles * (checkpoint.articles - 1) / 2
            print(
                "near duplicates: \(checkpoint.articles) articles, \(checkpoint.candidates) candidate pairs "
                    + "(\(checkpoint.confirmed) confirmed) of \(allPairs) pairs")
        }
        print("near duplicates: \(Int(4000 / seconds)) articles/s generated, shingled, signed and inserted (debug)")
        let first = try XCTUnwrap(checkpoints.first)
        let last = try XCTUnwrap(checkpoints.last)
        // 4× the articles: about 4× the candidates when linear, 16× when quadratic.
        XCTAssertLessThan(Double(last.candidates), 6 * Double(first.candidates))
        XCTAssertLessThan(last.candidates, 4000)
        // Almost every candidate is a copy: the stream makes ~400 copies, some of stories
        // copied more than once.
        XCTAssertGreaterThan(Double(last.confirmed), 0.8 * Double(last.candidates))
    }
}
