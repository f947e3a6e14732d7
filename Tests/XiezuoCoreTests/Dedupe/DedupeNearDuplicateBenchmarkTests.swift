import Foundation
import XCTest

@testable import XiezuoCore

/// Measurements behind the tuned defaults, too slow for a debug test run. Run with
/// `XIEZUO_DEDUPE_BENCHMARK=1 swift test -c release -Xswiftc -enable-testing --scratch-path .build-dedupe --filter DedupeNearDuplicateBenchmark`
/// (`XIEZUO_DEDUPE_ARTICLES` sets the scale run's size, 100,000 by default).
final class DedupeNearDuplicateBenchmarkTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["XIEZUO_DEDUPE_BENCHMARK"] == "1", "benchmark only")
    }

    /// Shingling and signing speed on the real seed texts, one thread.
    func testShinglingAndSigningThroughput() throws {
        let texts = try NearDuplicateCorpus.seedArticles().map { $0.joined(separator: "\n") }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let parameters = NearDuplicateParameters()
        var sink: UInt64 = 0
        let repeats = 300
        let (seconds, _) = Self.measure {
            for _ in 0..<repeats {
                for text in texts {
                    let shingles = ShingleSet(text: text, shingleSize: parameters.shingleSize)
                    sink ^= MinHashSignature(shingles, parameters: parameters).bandKeys[0]
                }
            }
        }
        let signOnly = texts.map { ShingleSet(text: $0, shingleSize: parameters.shingleSize) }
        let (signSeconds, _) = Self.measure {
            for _ in 0..<repeats {
                for shingles in signOnly { sink ^= MinHashSignature(shingles, parameters: parameters).bandKeys[0] }
            }
        }
        print(
            String(
                format:
                    "near duplicates: shingles + signature %.0f MB/s (%.1f µs per article; signature alone %.1f µs), checksum %llu",
                Double(bytes * repeats) / seconds / 1e6, seconds / Double(repeats * texts.count) * 1e6,
                signSeconds / Double(repeats * texts.count) * 1e6, sink))
    }

    /// The scale run: candidate pairs, speed and memory as the index grows.
    func testScale() throws {
        let total = Int(ProcessInfo.processInfo.environment["XIEZUO_DEDUPE_ARTICLES"] ?? "") ?? 100_000
        let parameters = NearDuplicateParameters()
        var stream = NearDuplicateArticleStream(seed: DedupeNearDuplicateScaleTests.streamSeed)
        var index = NearDuplicateIndex(parameters: parameters)
        let residentBefore = Self.residentBytes()
        var signing = 0.0
        var inserting = 0.0
        var bytes = 0
        var characters = 0
        var shingles = 0
        var checkpoints = Set([total / 8, total / 4, total / 2, total])
        for id in 0..<total {
            let text = stream.next()
            bytes += text.utf8.count
            characters += text.unicodeScalars.count
            let (signTime, signed) = Self.measure { () -> (ShingleSet, MinHashSignature) in
                let set = ShingleSet(text: text, shingleSize: parameters.shingleSize)
                return (set, MinHashSignature(set, parameters: parameters))
            }
            shingles += signed.0.count
            let (insertTime, _) = Self.measure { index.insert(id: id, shingles: signed.0, signature: signed.1) }
            signing += signTime
            inserting += insertTime
            if checkpoints.remove(id + 1) != nil {
                print(
                    String(
                        format:
                            "near duplicates: %6d articles: %7d candidate pairs (%6d confirmed, %.2f per article); insert %.1f µs per article",
                        id + 1, index.candidatePairs, index.confirmedPairs,
                        Double(index.candidatePairs) / Double(id + 1),
                        inserting / Double(id + 1) * 1e6))
            }
        }
        let footprint = index.memoryFootprint
        let resident = Self.residentBytes() - residentBefore
        print(
            String(
                format:
                    "near duplicates: %d articles (%d copies), %.0f chars and %.0f shingles per article; shingle + sign %.0f articles/s (%.0f MB/s), insert %.0f articles/s",
                total, stream.copies, Double(characters) / Double(total), Double(shingles) / Double(total),
                Double(total) / signing, Double(bytes) / signing / 1e6, Double(total) / inserting))
        print(
            String(
                format:
                    "near duplicates: bytes per article: shingle sets %.0f, buckets %.0f, other %.0f (index total %.0f); resident growth %.0f",
                Double(footprint.shingles) / Double(total), Double(footprint.buckets) / Double(total),
                Double(footprint.other) / Double(total),
                Double(footprint.shingles + footprint.buckets + footprint.other) / Double(total),
                Double(resident) / Double(total)))
    }

    private static func measure<Result>(_ body: () throws -> Result) rethrows -> (Double, Result) {
        let start = threadSeconds()
        let result = try body()
        return (threadSeconds() - start, result)
    }

    /// CPU time of this thread: steadier than wall time on a shared machine.
    private static func threadSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Resident set size from `/proc/self/statm` (Linux), 0 elsewhere.
    private static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * 4096
    }

    /// Exact Jaccard of every pair of the accuracy corpus, per shingle size: where positives
    /// (copies) and negatives (other stories) lie, and the best threshold between them.
    func testTuningShingleSizeAndThreshold() throws {
        let corpus = try DedupeNearDuplicateAccuracyTests.corpus()
        let documents = corpus.documents
        print("documents \(documents.count), stories \(corpus.storyCount)")
        for size in [2, 3, 4, 5, 6, 7, 8, 10] {
            let sets = documents.map { ShingleSet(text: $0.text, shingleSize: size) }
            var positives: [(Double, NearDuplicateCorpus.Edit, NearDuplicateCorpus.Edit)] = []
            var negatives: [Double] = []
            for i in documents.indices {
                for j in (i + 1)..<documents.count {
                    let similarity = sets[i].jaccard(sets[j])
                    if documents[i].story == documents[j].story {
                        positives.append((similarity, documents[i].edit, documents[j].edit))
                    } else {
                        negatives.append(similarity)
                    }
                }
            }
            let positive = positives.map(\.0).sorted()
            let negative = negatives.sorted()
            func quantile(_ values: [Double], _ q: Double) -> Double {
                values[min(values.count - 1, Int(Double(values.count) * q))]
            }
            var best = (threshold: 0.0, errors: Int.max)
            for step in 5...95 {
                let threshold = Double(step) / 100
                let errors = positive.filter { $0 < threshold }.count + negative.filter { $0 >= threshold }.count
                if errors < best.errors { best = (threshold, errors) }
            }
            print(
                String(
                    format:
                        "k=%2d positives: min %.3f p1 %.3f p5 %.3f median %.3f | negatives: median %.4f p99.9 %.3f p99.99 %.3f max %.3f | best threshold %.2f (%d errors of %d pos, %d neg)",
                    size, positive[0], quantile(positive, 0.01), quantile(positive, 0.05), quantile(positive, 0.5),
                    quantile(negative, 0.5), quantile(negative, 0.999), quantile(negative, 0.9999), negative.last ?? 0,
                    best.threshold, best.errors, positive.count, negative.count))
            let lowest = positives.sorted { $0.0 < $1.0 }.prefix(3).map {
                String(format: "%.3f %@/%@", $0.0, $0.1.rawValue, $0.2.rawValue)
            }
            print("      lowest positives: \(lowest.joined(separator: "; "))")
        }
    }

    /// Precision, recall and candidate pairs of the whole index on the accuracy corpus for
    /// several bandings and thresholds at the default shingle size.
    func testTuningBandingAndThreshold() throws {
        let corpus = try DedupeNearDuplicateAccuracyTests.corpus()
        let documents = corpus.documents
        var copies: [Int: Int] = [:]
        for document in documents { copies[document.story, default: 0] += 1 }
        let truePairs = copies.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        let sets = documents.map { ShingleSet(text: $0.text, shingleSize: NearDuplicateParameters().shingleSize) }
        for (permutations, bands) in [(128, 32), (120, 40), (120, 24), (192, 48), (256, 64), (128, 64)] {
            for threshold in [0.3, 0.4, 0.45, 0.5, 0.55, 0.6] {
                let parameters = NearDuplicateParameters(permutations: permutations, bands: bands, threshold: threshold)
                var index = NearDuplicateIndex(parameters: parameters)
                var clusters = DuplicateClusters()
                var correct = 0
                var wrong = 0
                for (id, document) in documents.enumerated() {
                    let found = index.insert(
                        id: id, shingles: sets[id], signature: MinHashSignature(sets[id], parameters: parameters))
                    for earlier in found {
                        if documents[earlier].story == document.story { correct += 1 } else { wrong += 1 }
                        clusters.union(earlier, id)
                    }
                }
                var clusterCorrect = 0
                var clusterWrong = 0
                for cluster in clusters.clusters() {
                    for (offset, first) in cluster.enumerated() {
                        for second in cluster[(offset + 1)...] {
                            if documents[first].story == documents[second].story {
                                clusterCorrect += 1
                            } else {
                                clusterWrong += 1
                            }
                        }
                    }
                }
                print(
                    String(
                        format:
                            "near duplicates: %3d/%2d (r=%d, P(t)=%.3f) t=%.2f: pairs P %.4f R %.4f | clusters P %.4f R %.4f | %d candidates",
                        permutations, bands, parameters.rows, parameters.candidateProbability(similarity: threshold),
                        threshold,
                        Double(correct) / Double(max(1, correct + wrong)), Double(correct) / Double(truePairs),
                        Double(clusterCorrect) / Double(max(1, clusterCorrect + clusterWrong)),
                        Double(clusterCorrect) / Double(truePairs), index.candidatePairs))
            }
        }
    }
}
