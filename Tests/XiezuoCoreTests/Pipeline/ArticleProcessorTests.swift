import Dispatch
import Foundation
import XCTest

@testable import XiezuoCore

/// `ArticleProcessor.process` is a pure function of the source and the configuration: the
/// same source gives the same articles (records, facts, paragraphs, fingerprints) or the same
/// reject, whatever was processed before it and on whatever thread.
final class ArticleProcessorTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every seed and every input of the development set, and a few that clean rejects.
    private func sources() throws -> [SourceDocument] {
        var sources: [SourceDocument] = []
        for folder in ["seeds", "Tests/xiezuoTests/Fixtures/dev/inputs"] {
            let directory = Self.root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where !name.hasPrefix(".") {
                let bytes = try XCTUnwrap(FileManager.default.contents(atPath: directory.appendingPathComponent(name).path))
                sources.append(SourceDocument(name: "\(folder)/\(name)", bytes: [UInt8](bytes)))
            }
        }
        sources.append(SourceDocument(name: "empty.txt", bytes: []))
        sources.append(SourceDocument(name: "binary.bin", bytes: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) }))
        sources.append(
            SourceDocument(
                name: "https://news.example.cn/2024-03/15/c_1.htm", bytes: sources[0].bytes, charset: "utf-8",
                url: "https://news.example.cn/2024-03/15/c_1.htm"))
        return sources
    }

    func testTheSameSourcesGiveTheSameResultInAnyOrderOnAnyThread() throws {
        let processor = try ArticleProcessor(config: PipelineConfig(), resources: TestResources.resources())
        let sources = try sources()
        let first = sources.map { processor.process($0) }
        XCTAssertGreaterThan(first.flatMap(\.articles).count, 30)
        XCTAssertTrue(first.contains { $0.reject != nil }, "the rejects are compared too")
        XCTAssertTrue(first.flatMap(\.articles).contains { !$0.paragraphs.isEmpty && !$0.record.facts.isEmpty })

        // Backwards, on one thread.
        let backwards = sources.indices.reversed().map { processor.process(sources[$0]) }
        XCTAssertEqual(Array(backwards.reversed()), first)

        // Twice each, from four threads at once, in an order shuffled by a fixed seed.
        var order = Array(sources.indices) + Array(sources.indices)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for index in order.indices.reversed() {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            order.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
        }
        let results = ResultSlots(count: order.count)
        let shuffled = order
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for slot in stride(from: worker, to: shuffled.count, by: 4) {
                results.set(slot, processor.process(sources[shuffled[slot]]))
            }
        }
        for (slot, index) in order.enumerated() {
            XCTAssertEqual(results.value(slot), first[index], sources[index].name)
        }

        // A second processor built from the same configuration makes the same.
        let again = try ArticleProcessor(config: PipelineConfig(), resources: TestResources.resources())
        XCTAssertEqual(again.identity, processor.identity)
        XCTAssertEqual(sources.map { again.process($0) }, first)
    }

    /// What xiezuo's rules make of the seeds and the development set, by `rulesVersion`: a
    /// digest of every result (records, facts, paragraphs, fingerprints, rejects). When a change
    /// of clean, extract or fingerprinting changes it, the stores of earlier nights hold
    /// articles the new rules would not make: raise `ArticleProcessor.rulesVersion` (README,
    /// "After an upgrade") and record the new digest under the new version. Never change the
    /// digest of a version already released.
    static let digests = [1: "83eedcdb4cf9ec50"]

    func testARulesChangeRaisesTheRulesVersion() throws {
        let processor = try ArticleProcessor(config: PipelineConfig(), resources: TestResources.resources())
        let results = try sources().map { processor.process($0) }
        let digest = StableHash.hex(of: String(reflecting: results))
        XCTAssertEqual(
            Self.digests[ArticleProcessor.rulesVersion], digest,
            "the rules make other articles of the seeds and the development set than rules version "
                + "\(ArticleProcessor.rulesVersion) made: raise ArticleProcessor.rulesVersion and record \(digest) under it")
        XCTAssertEqual(Set(Self.digests.values).count, Self.digests.count, "two versions recorded with one digest")
    }

    /// The identity changes with what changes an article, and only with that.
    func testTheIdentityFollowsThePerArticleSettingsOnly() throws {
        let resources = try TestResources.resources()
        let base = try ArticleProcessor(config: PipelineConfig(), resources: resources).identity
        var clean = PipelineConfig()
        clean.clean.minArticleChars += 1
        var extract = PipelineConfig()
        extract.extract.requireProgramme.toggle()
        var shingles = PipelineConfig()
        shingles.dedupe.nearDuplicates.shingleSize += 1
        for (name, config) in [("clean", clean), ("extract", extract), ("shingles", shingles)] {
            XCTAssertNotEqual(try ArticleProcessor(config: config, resources: resources).identity, base, name)
        }
        var output = PipelineConfig()
        output.output.excel.toggle()
        output.output.directory = "elsewhere"
        var run = PipelineConfig()
        run.dedupe.nearDuplicates.threshold = 0.7
        run.fetch.maxBytes = 1024
        for (name, config) in [("output", output), ("run", run)] {
            XCTAssertEqual(try ArticleProcessor(config: config, resources: resources).identity, base, name)
        }
    }
}

/// One slot per result, written by the worker that owns it.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [ProcessedSource?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ slot: Int, _ value: ProcessedSource) {
        lock.withLock { slots[slot] = value }
    }

    func value(_ slot: Int) -> ProcessedSource? {
        lock.withLock { slots[slot] }
    }
}
