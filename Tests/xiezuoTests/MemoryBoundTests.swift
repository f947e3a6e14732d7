import Foundation
import XCTest

/// Issue 14: peak memory is bounded by the configuration, not by the input, and time by the
/// input's size (README, "Hostile inputs"). Each shape below once took tens of bytes per byte
/// of input: a flat page of `<p>x</p>` (libxml2's tree, ~75 bytes a byte; the run aborted
/// under `ulimit -v`), lines and nodes of one character, tags never closed, a wall of
/// figures whose facts each copied their sentence. Each is written just under
/// `fetch.max_bytes` and the run is held to the README's bound by `RLIMIT_AS`: a run past it
/// fails to allocate and dies, and fails the test.
final class MemoryBoundTests: XCTestCase {
    private var scratch: URL!
    private static let maxBytes = 8 << 20
    private static let workers = 2

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("memory")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// `unit` repeated to just under `fetch.max_bytes`, between `head` and `tail`.
    private func write(_ name: String, _ unit: String, head: String = "", tail: String = "", in directory: URL) throws {
        let room = Self.maxBytes - 1024 - head.utf8.count - tail.utf8.count
        let text = head + String(repeating: unit, count: room / unit.utf8.count) + tail
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    func testPagesOfTinyNodesLinesAndDeepTagsStayWithinTheBound() throws {
        let input = scratch.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try write("flat.html", "<p>x</p>", head: "<html><body>", tail: "</body></html>", in: input)
        try write("breaks.html", "x<br>", head: "<html><body>", tail: "</body></html>", in: input)
        try write("deep.html", "<b>", head: "<html><body>", tail: "x</body></html>", in: input)
        try write("lines.txt", "x\n", in: input)
        // One article of figures as long as clean.max_article_chars allows: 10,000 facts.
        let figures = "东西部协作项目投资情况\n\n" + (0..<10_000).map { "第\($0)个项目投资\(100 + $0)万元，" }.joined() + "。\n"
        try Data(figures.utf8).write(to: input.appendingPathComponent("figures.txt"))
        let inputBytes = try FileManager.default.contentsOfDirectory(atPath: input.path).reduce(0) {
            $0 + ((try? FileManager.default.attributesOfItem(atPath: input.appendingPathComponent($1).path)[.size] as? Int) ?? 0)
        }

        let config = scratch.appendingPathComponent("pipeline.json")
        try Data(#"{"fetch": {"max_bytes": \#(Self.maxBytes)}}"#.utf8).write(to: config)
        let output = scratch.appendingPathComponent("out")
        let bound = MemoryBound.bytes(maxBytes: Self.maxBytes, workers: Self.workers)
        // Generous for a debug build on a loaded machine: the README states the release figures.
        let deadline = 30.0 + 20.0 * Double(inputBytes >> 20)
        let result = try MeasuredProcess.run(
            ["run", "--config", config.path, "--input", input.path, "--output", output.path, "--workers", "\(Self.workers)"],
            deadline: deadline, addressSpace: bound)
        print(
            "memory bound: \(inputBytes >> 20) MB in \(String(format: "%.1f", result.seconds)) s, peak \(result.maxResidentBytes >> 20) MB "
                + "of a bound of \(bound >> 20) MB")
        XCTAssertFalse(result.timedOut, "ran longer than \(deadline) s")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertLessThanOrEqual(result.maxResidentBytes, bound)

        let rejects = try OutputTables(directory: output).rows("rejects")
        func reason(_ name: String) -> String { rejects.first { $0["source"] == name }?["reason"] ?? "(not rejected)" }
        for name in ["flat.html", "breaks.html", "lines.txt"] {
            XCTAssertTrue(reason(name).hasPrefix("not prose: "), "\(name): \(reason(name))")
        }
        XCTAssertTrue(reason("deep.html").hasPrefix("no article text left after cleaning"), reason("deep.html"))
        let facts = try OutputTables(directory: output).rows("investments")
        XCTAssertEqual(facts.count, 10_000, "every figure of the wall is a fact")
    }
}
