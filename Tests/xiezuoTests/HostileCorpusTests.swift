import Foundation
import XCTest

/// Issue 9: a run over hostile inputs finishes, rejects each bad input once with a reason a
/// person understands, keeps every good input's facts, stays within its memory and time
/// bounds, and its `run.json` counts add up per stage.
///
/// Sizes: `XIEZUO_HOSTILE_TINY_FILES` (default 10,000; the issue's full 100,000 is opt-in, see
/// README "Hostile inputs") and `XIEZUO_HOSTILE_LONG_LINE_MB` for the long line inside the
/// corpus (default 4). The 200 MB line always runs at full size, on its own.
final class HostileCorpusTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("hostile")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private static func environment(_ name: String, default value: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? value
    }

    private static var config: String { XiezuoProcess.repositoryRoot.appendingPathComponent("pipeline.json").path }

    private func run(_ input: String, _ output: URL, deadline: Double) throws -> MeasuredProcess.Result {
        let result = try MeasuredProcess.run(
            ["run", "--config", Self.config, "--input", input, "--output", output.path, "--workers", "2"], deadline: deadline)
        XCTAssertFalse(result.timedOut, "xiezuo ran longer than \(deadline) s on \(input)")
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    func testHostileCorpusFinishesRejectsEachBadInputOnceAndKeepsTheGoodFacts() throws {
        let tinyFiles = Self.environment("XIEZUO_HOSTILE_TINY_FILES", default: 10_000)
        let longLine = Self.environment("XIEZUO_HOSTILE_LONG_LINE_MB", default: 4) << 20
        let corpus = try HostileCorpus(directory: scratch.appendingPathComponent("in"), tinyFiles: tinyFiles, longLineBytes: longLine)
        defer { corpus.removeAll() }
        for reason in corpus.skipped { print("hostile corpus: skipped \(reason)") }
        print("hostile corpus: " + corpus.kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))

        let goodOnly = scratch.appendingPathComponent("good")
        try FileManager.default.createDirectory(at: goodOnly, withIntermediateDirectories: true)
        for seed in corpus.good {
            try FileManager.default.copyItem(atPath: corpus.path(seed), toPath: goodOnly.appendingPathComponent(seed).path)
        }
        let goodOutput = scratch.appendingPathComponent("good-out")
        let baseline = try run(goodOnly.path, goodOutput, deadline: 120)

        let output = scratch.appendingPathComponent("out")
        let hostile = try run(corpus.directory.path, output, deadline: 600)
        print(
            "hostile corpus: \(corpus.rejected.count + corpus.accepted.count + corpus.good.count) inputs in "
                + "\(String(format: "%.1f", hostile.seconds)) s, max RSS \(hostile.maxResidentBytes >> 20) MB "
                + "(good inputs alone: \(String(format: "%.1f", baseline.seconds)) s, \(baseline.maxResidentBytes >> 20) MB)")

        let tables = OutputTables(directory: output)
        let rejects = try tables.rows("rejects")
        var rows: [String: [[String: String]]] = [:]
        for row in rejects { rows[row["source"] ?? "", default: []].append(row) }
        for expected in corpus.rejected {
            let found = rows[corpus.path(expected.source)] ?? []
            XCTAssertEqual(found.count, 1, "\(expected.source): \(found.count) rejects rows")
            guard let row = found.first else { continue }
            XCTAssertEqual(row["stage"], expected.stage, expected.source)
            XCTAssertTrue(row["reason"]?.hasPrefix(expected.reason) == true, "\(expected.source): \(row["reason"] ?? "")")
            if let also = expected.alsoSays {
                XCTAssertTrue(row["reason"]?.hasSuffix(also) == true, "\(expected.source): \(row["reason"] ?? "")")
            }
        }
        XCTAssertEqual(rejects.count, corpus.rejected.count, "only the bad inputs are rejected")

        let documents = try tables.rows("documents")
        let sources = Set(documents.map { $0["source"] ?? "" })
        for name in corpus.accepted + corpus.good { XCTAssertTrue(sources.contains(corpus.path(name)), "\(name) gave no article") }

        // The good files lie in two directories, so their names, and the ids made from them,
        // differ: documents and facts are matched by file name, part, text and offset instead.
        let good = OutputTables(directory: goodOutput)
        let goodKeys = try Self.articleKeys(good)
        let keys = try Self.articleKeys(tables)
        XCTAssertEqual(Set(goodKeys.values).subtracting(keys.values), [])
        for table in ["investments", "jobs", "projects"] {
            let expected = try good.rows(table)
            let found = Set(try tables.rows(table).map { "\(keys[$0["doc_id"] ?? ""] ?? "?"):\($0["char_offset"] ?? "")" })
            XCTAssertFalse(expected.isEmpty, "the good seeds give \(table)")
            for fact in expected {
                let key = "\(goodKeys[fact["doc_id"] ?? ""] ?? "-"):\(fact["char_offset"] ?? "")"
                XCTAssertTrue(found.contains(key), "\(table): lost \(fact["text"] ?? "")")
            }
        }

        // Peak memory over the good-only run: each of two workers holds at most one input at a
        // time. Measured alone (debug build), the 50,000-deep HTML pages add ~40 MB each (the
        // libxml2 tree and its copy), the 4 MB line ~3 bytes per byte: twice the largest fits
        // in 96 MB. The run also keeps about 1 KB per source until its end (plan, counts,
        // rejects: 141 MB with 10,000 tiny files, 228 MB with 100,000), hence 1.5 KB each. A
        // run holding its inputs at once, or copying a line many times, would not fit.
        let bound = baseline.maxResidentBytes + (96 << 20) + tinyFiles * 1_536
        XCTAssertLessThan(hostile.maxResidentBytes, bound)
        try assertCountsAddUp(in: output, rejects: rejects.count)
        try assertCountsAddUp(in: goodOutput, rejects: 0)
    }

    /// The 200 MB line is larger than `fetch.max_bytes` (64 MiB): rejected from its size,
    /// never read, so the run's memory does not grow with it.
    func testTwoHundredMegabyteLineIsRejectedUnreadWithinBoundedMemory() throws {
        let input = scratch.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let size = 200 << 20
        let path = input.appendingPathComponent("one-line.txt").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        let chunk = Data(repeating: UInt8(ascii: "9"), count: 1 << 20)
        for _ in 0..<(size >> 20) { handle.write(chunk) }
        try handle.close()
        try FileManager.default.copyItem(
            at: XiezuoProcess.repositoryRoot.appendingPathComponent("seeds/003_4699d6883134dee7.txt"),
            to: input.appendingPathComponent("good.txt"))

        let output = scratch.appendingPathComponent("out")
        let result = try run(input.path, output, deadline: 120)
        print("200 MB line: \(String(format: "%.1f", result.seconds)) s, max RSS \(result.maxResidentBytes >> 20) MB")
        let rejects = try OutputTables(directory: output).rows("rejects")
        XCTAssertEqual(rejects.count, 1)
        XCTAssertEqual(rejects.first?["stage"], "fetch")
        XCTAssertEqual(
            rejects.first?["reason"],
            "too large: \(size) bytes, more than fetch.max_bytes (67108864); raise the limit to read it")
        XCTAssertLessThan(result.maxResidentBytes, size / 2)
        try assertCountsAddUp(in: output, rejects: 1)
    }

    /// `records_in = records_out + rejected + duplicates` for every stage, and the stages
    /// hand on what the next one receives.
    /// doc_id → the article's file name, part and text_id.
    private static func articleKeys(_ tables: OutputTables) throws -> [String: String] {
        var keys: [String: String] = [:]
        for document in try tables.rows("documents") {
            let file = (document["source"] ?? "").split(separator: "/").last.map(String.init) ?? ""
            keys[document["doc_id"] ?? ""] = "\(file)#\(document["part"] ?? "")#\(document["text_id"] ?? "")"
        }
        return keys
    }

    private func assertCountsAddUp(in output: URL, rejects: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let data = try OutputTables(directory: output).bytes("run.json")
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let stages = try XCTUnwrap(report["stages"] as? [String: [String: Any]])
        func count(_ stage: String, _ key: String) -> Int { stages[stage]?[key] as? Int ?? -1 }
        for stage in ["fetch", "clean", "dedupe", "extract", "aggregate"] {
            XCTAssertEqual(
                count(stage, "records_in"),
                count(stage, "records_out") + count(stage, "rejected") + count(stage, "duplicates"),
                "\(stage): \(stages[stage] ?? [:])", file: file, line: line)
        }
        let facts = (report["facts"] as? [String: Int] ?? [:]).values.reduce(0, +)
        XCTAssertEqual(count("fetch", "records_in"), report["sources"] as? Int, file: file, line: line)
        XCTAssertEqual(count("fetch", "records_out") - (report["unchanged"] as? Int ?? 0), count("clean", "records_in"), file: file, line: line)
        XCTAssertEqual(count("fetch", "rejected") + count("clean", "rejected"), rejects, file: file, line: line)
        XCTAssertEqual(report["rejects"] as? Int, rejects, file: file, line: line)
        XCTAssertEqual(count("extract", "records_in"), report["articles"] as? Int, file: file, line: line)
        XCTAssertEqual(count("dedupe", "records_in"), report["documents"] as? Int, file: file, line: line)
        XCTAssertEqual(count("dedupe", "duplicates"), report["duplicates"] as? Int, file: file, line: line)
        XCTAssertEqual(count("aggregate", "records_in"), facts, file: file, line: line)
    }
}
